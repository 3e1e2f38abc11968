// The validator's issues as a list: each names the field path and the step it belongs to, then says what is wrong;
// warnings (which never block saving) are counted apart and marked as such.
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ValidationIssue } from '@/lib/client/call-api';

export function ValidationIssues({
  issues,
  id,
  onLocate,
}: {
  issues: ValidationIssue[];
  id?: string;
  onLocate?: (issue: ValidationIssue) => void;
}) {
  const t = useTranslations('workflows.issues');
  if (issues.length === 0) return null;
  const warnings = issues.filter((issue) => issue.severity === 'warning').length;
  const errors = issues.length - warnings;
  return (
    <div
      id={id}
      role="alert"
      className={`rounded-card border p-4 ${errors > 0 ? 'border-danger/40 bg-danger/5' : 'border-warning/40 bg-warning/5'}`}
      data-testid="validation-issues"
    >
      {errors > 0 ? <p className="text-sm font-semibold text-danger">{t('title', { count: errors })}</p> : null}
      {warnings > 0 ? (
        <p className="text-sm font-semibold text-warning">{t('warningsTitle', { count: warnings })}</p>
      ) : null}
      <ul className="mt-2 space-y-2 text-sm">
        {issues.map((issue, index) => (
          <li
            key={`${issue.path}-${index}`}
            className={`rounded-lg bg-surface-sunken px-3 py-2 ${issue.severity === 'warning' ? 'border-s-2 border-warning' : ''}`}
            data-testid="validation-issue"
            data-severity={issue.severity ?? 'error'}
          >
            <span className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-fg-subtle">
              {issue.severity === 'warning' ? <Badge tone="warning">{t('warning')}</Badge> : null}
              <span>
                {t('path')}{' '}
                <code className="font-mono text-fg-muted" dir="ltr">
                  {issue.path || '(root)'}
                </code>
              </span>
              {issue.stepId ? (
                <span>
                  {t('step')}{' '}
                  <code className="font-mono text-fg-muted" dir="ltr">
                    {issue.stepId}
                  </code>
                </span>
              ) : null}
            </span>
            <span className="mt-1 block text-fg">{issue.message}</span>
            {onLocate && issue.stepId ? (
              <button
                type="button"
                onClick={() => onLocate(issue)}
                className="mt-1 text-xs text-brand-accent underline underline-offset-4"
              >
                {t('locate')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
