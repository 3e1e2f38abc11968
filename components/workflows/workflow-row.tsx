'use client';
// One row of the workflows list: the name (or the inline rename form), its summary line, and its actions.
import { useRef, useState } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { WorkflowContents } from '@/lib/workflows/count-workflow-contents';
import { EnabledToggle } from './enabled-toggle';
import { RenameWorkflowForm } from './rename-workflow-form';
import { RunNowButton } from './run-now-button';
import { WorkflowActionsMenu } from './workflow-actions-menu';

type Props = {
  workflow: { id: string; name: string; description: string | null; enabled: boolean };
  /** The trigger, version and last change, formatted on the server. */
  summary: string;
  contents: WorkflowContents;
  canDelete: boolean;
};

export function WorkflowRow({ workflow, summary, contents, canDelete }: Props) {
  const [renaming, setRenaming] = useState(false);
  const nameLink = useRef<HTMLAnchorElement>(null);
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="workflow-row">
      <div className="min-w-0 flex-1">
        {renaming ? (
          <RenameWorkflowForm
            workflowId={workflow.id}
            name={workflow.name}
            onDone={() => {
              setRenaming(false);
              requestAnimationFrame(() => nameLink.current?.focus());
            }}
          />
        ) : (
          <Link
            ref={nameLink}
            href={`/workflows/${workflow.id}`}
            className="font-medium break-words text-fg underline-offset-4 hover:underline"
          >
            {workflow.name}
          </Link>
        )}
        {workflow.description ? <p className="mt-0.5 truncate text-sm text-fg-muted">{workflow.description}</p> : null}
        <p className="mt-1 text-xs text-fg-subtle">{summary}</p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <EnabledToggle workflowId={workflow.id} name={workflow.name} enabled={workflow.enabled} />
        <RunNowButton workflowId={workflow.id} name={workflow.name} />
        <WorkflowActionsMenu
          workflow={workflow}
          contents={contents}
          canDelete={canDelete}
          onRename={() => setRenaming(true)}
          afterDelete="refresh"
        />
      </div>
    </li>
  );
}
