'use client';
// The workflow page header: the name with inline rename, the description, and enable, run now and the lifecycle actions.
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { WorkflowContents } from '@/lib/workflows/count-workflow-contents';
import { EnabledToggle } from './enabled-toggle';
import { RenameWorkflowForm } from './rename-workflow-form';
import { RunNowButton } from './run-now-button';
import { WorkflowActionsMenu } from './workflow-actions-menu';

type Props = {
  workflow: { id: string; name: string; description: string | null; enabled: boolean };
  contents: WorkflowContents;
  canDelete: boolean;
};

export function WorkflowHeader({ workflow, contents, canDelete }: Props) {
  const t = useTranslations('workflows.lifecycle');
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
      {/* NOTE: a 16rem basis, so on a phone the controls wrap below the name instead of squeezing it to a letter a line. */}
      <div className="min-w-0 flex-[1_1_16rem]">
        {renaming ? (
          <>
            <h1 className="sr-only">{workflow.name}</h1>
            <RenameWorkflowForm
              workflowId={workflow.id}
              name={workflow.name}
              className="max-w-2xl"
              onDone={() => {
                setRenaming(false);
                requestAnimationFrame(() => renameButton.current?.focus());
              }}
            />
          </>
        ) : (
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h1 className="min-w-0 font-display text-3xl font-semibold break-words" data-testid="workflow-title">
              {workflow.name}
            </h1>
            <button
              ref={renameButton}
              type="button"
              onClick={() => setRenaming(true)}
              aria-label={t('renameFor', { name: workflow.name })}
              className="rounded-lg px-2 py-1 text-sm text-brand-accent underline underline-offset-4 hover:bg-surface-raised"
            >
              {t('rename')}
            </button>
          </div>
        )}
        {workflow.description ? <p className="mt-1 text-fg-muted">{workflow.description}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <EnabledToggle workflowId={workflow.id} name={workflow.name} enabled={workflow.enabled} />
        <RunNowButton
          workflowId={workflow.id}
          name={workflow.name}
          className="rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950 disabled:opacity-60"
        />
        <WorkflowActionsMenu workflow={workflow} contents={contents} canDelete={canDelete} afterDelete="list" />
      </div>
    </div>
  );
}
