// The workflow list's search and enabled filter: a plain GET form, so the filters live in the URL.
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';

export function WorkflowFilters({ q, enabled }: { q?: string; enabled?: string }) {
  const t = useTranslations('workflows.filters');
  return (
    <form method="get" role="search" className="mt-8 flex flex-wrap items-end gap-3" aria-label={t('label')}>
      <label className="text-sm font-medium">
        {t('search')}
        <input
          type="search"
          name="q"
          defaultValue={q}
          maxLength={120}
          placeholder={t('searchPlaceholder')}
          className="mt-1 block w-64 max-w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg placeholder:text-fg-subtle"
        />
      </label>
      <label className="text-sm font-medium">
        {t('state')}
        <select
          name="enabled"
          defaultValue={enabled ?? ''}
          className="mt-1 block rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg"
        >
          <option value="">{t('all')}</option>
          <option value="true">{t('enabledOnly')}</option>
          <option value="false">{t('disabledOnly')}</option>
        </select>
      </label>
      <button type="submit" className={buttonClass()}>
        {t('apply')}
      </button>
    </form>
  );
}
