'use client';
// The visual editor for a workflow not saved yet (a proposal from the workflow creator): no draft storage, validation
// as you type, and "Save workflow", which creates it switched off and opens its page.
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { EditorDefinition } from '@/lib/workflows/editor/edit-definition';
import { mapIssues } from '@/lib/workflows/editor/map-issues';
import { callApi, type ValidationIssue } from '@/lib/client/call-api';
import { useRouter } from '@/lib/i18n/navigation';
import { buttonClass } from '@/components/ui/button';
import { showFlash } from '../flash-message';
import { ValidationIssues } from '../validation-issues';
import { EditorLayout } from './editor-layout';
import { useEditorDoc } from './use-editor-doc';
import { useValidation } from './use-validation';
import { ValidationSummary } from './validation-summary';

export function NewWorkflowEditor({ definition: initial }: { definition: EditorDefinition }) {
  const t = useTranslations('ai.creator.save');
  const router = useRouter();
  const editor = useEditorDoc(initial);
  const { definition } = editor;
  const validation = useValidation(definition);
  const issues = useMemo(() => mapIssues(validation.issues, definition.steps), [validation.issues, definition.steps]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ text: string; issues: ValidationIssue[] } | null>(null);

  async function save() {
    setPending(true);
    setError(null);
    // NOTE: a proposal is created switched off (?origin=ai) and stays off until someone enables it.
    const result = await callApi<{ id: string; name: string }>('/api/workflows?origin=ai', { json: definition });
    if (result.ok) {
      showFlash({ text: t('saved', { name: result.data.name }) }, 'next');
      return router.push(`/workflows/${result.data.id}`);
    }
    setPending(false);
    const found = result.error.details?.issues ?? [];
    setError({
      text: found.length
        ? t('notValid')
        : result.status === 0
          ? t('network')
          : result.status === 413
            ? t('tooLarge')
            : result.error.message || t('failed'),
      issues: found,
    });
  }

  return (
    <EditorLayout
      editor={editor}
      issues={issues}
      actions={
        <section aria-label={t('title')} className="space-y-3 rounded-card border border-border p-4">
          <ValidationSummary validation={validation} />
          <p className="text-xs text-fg-subtle" data-testid="creator-stays-off">
            {t('staysOff')}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={pending}
              onClick={() => void save()}
              className={buttonClass({ variant: 'primary' })}
              data-testid="creator-save"
            >
              {pending ? t('saving') : t('save')}
            </button>
          </div>
          <div aria-live="polite">
            {error ? (
              <div className="space-y-2">
                <p
                  className="rounded-lg border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger"
                  data-testid="creator-save-error"
                >
                  {error.text}
                </p>
                <ValidationIssues issues={error.issues} />
              </div>
            ) : null}
          </div>
        </section>
      }
    />
  );
}
