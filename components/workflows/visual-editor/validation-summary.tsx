'use client';
// The visual editor's validation summary, announced as it changes: checking, could not check, N problems, or valid.
import { useTranslations } from 'next-intl';
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';

type Validation = { issues: EditorIssue[]; checked: boolean; checking: boolean; failed: boolean };

export function ValidationSummary({ validation }: { validation: Validation }) {
  const t = useTranslations('workflows.visualEditor');
  const count = validation.issues.length;
  const summary = !validation.checked
    ? t('checking')
    : validation.failed
      ? t('validationFailed')
      : count > 0
        ? t('problems', { count })
        : t('valid');
  return (
    <p className="text-sm">
      <span
        aria-live="polite"
        data-testid="validation-summary"
        data-count={count}
        data-checked={validation.checked}
        className={count > 0 || validation.failed ? 'text-danger' : 'text-success'}
      >
        {summary}
      </span>
      {validation.checking && validation.checked ? (
        <span aria-hidden className="ms-2 text-xs text-fg-subtle">
          {t('checking')}
        </span>
      ) : null}
    </p>
  );
}
