// The run list's filters (status, workflow, date range) as a GET form, so they live in the URL.
import { useTranslations } from 'next-intl';

export type RunFilterValues = { status?: string; workflowId?: string; from?: string; to?: string };
const statuses = ['queued', 'running', 'succeeded', 'failed', 'rejected', 'cancelled'] as const;

export function RunFilters({
  values,
  workflows,
}: {
  values: RunFilterValues;
  workflows: { id: string; name: string }[];
}) {
  const t = useTranslations('runs');
  const field = 'mt-1 block rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg';
  return (
    <form method="get" role="search" aria-label={t('filters.label')} className="mt-6 flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium">
        {t('filters.status')}
        <select name="status" defaultValue={values.status ?? ''} className={field}>
          <option value="">{t('filters.any')}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t('filters.workflow')}
        <select name="workflowId" defaultValue={values.workflowId ?? ''} className={`${field} max-w-56`}>
          <option value="">{t('filters.allWorkflows')}</option>
          {workflows.map((workflow) => (
            <option key={workflow.id} value={workflow.id}>
              {workflow.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t('filters.from')}
        <input type="date" name="from" defaultValue={values.from} className={field} />
      </label>
      <label className="text-sm font-medium">
        {t('filters.to')}
        <input type="date" name="to" defaultValue={values.to} className={field} />
      </label>
      <button
        type="submit"
        className="rounded-lg border border-border-strong px-4 py-2 text-sm hover:bg-surface-raised"
      >
        {t('filters.apply')}
      </button>
    </form>
  );
}
