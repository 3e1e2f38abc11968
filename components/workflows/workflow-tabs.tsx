// The workflow page's sections as links (visual editor, overview, JSON definition, versions, backups); the current one is marked.
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

export const workflowTabs = ['visual', 'overview', 'definition', 'versions', 'backups'] as const;
export type WorkflowTab = (typeof workflowTabs)[number];
/** The tab shown at /workflows/:id without a `tab` query. */
export const defaultWorkflowTab: WorkflowTab = 'visual';

export function WorkflowTabs({ workflowId, current }: { workflowId: string; current: WorkflowTab }) {
  const t = useTranslations('workflows.tabs');
  return (
    <nav aria-label={t('label')} className="mt-6 border-b border-border">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {workflowTabs.map((tab) => (
          <li key={tab}>
            <Link
              href={
                tab === defaultWorkflowTab
                  ? `/workflows/${workflowId}`
                  : { pathname: `/workflows/${workflowId}`, query: { tab } }
              }
              aria-current={tab === current ? 'page' : undefined}
              className={`block whitespace-nowrap border-b-2 px-4 py-2 text-sm ${tab === current ? 'border-brand font-semibold text-fg' : 'border-transparent text-fg-muted hover:text-fg'}`}
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
