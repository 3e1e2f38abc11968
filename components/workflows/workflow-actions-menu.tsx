'use client';
// A workflow's lifecycle actions behind one button: rename (inline, in the row), duplicate, export as a file, delete
// (after the confirm dialog). Escape or a click elsewhere closes the list and focus returns to the button.
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useRouter } from '@/lib/i18n/navigation';
import { limits } from '@/lib/workflows/definition';
import type { WorkflowContents } from '@/lib/workflows/count-workflow-contents';
import { callApi } from '@/lib/client/call-api';
import { ConfirmDeleteDialog } from './confirm-delete-dialog';
import { showFlash } from './flash-message';
import { buttonClass } from '@/components/ui/button';

type Props = {
  workflow: { id: string; name: string };
  contents: WorkflowContents;
  canDelete: boolean;
  /** Shown as a menu item when the caller renames inline (the list); the page header has its own button. */
  onRename?: () => void;
  /** Where to go after a delete: stay on the refreshed list, or leave the deleted workflow's page for the list. */
  afterDelete: 'refresh' | 'list';
};

const itemClass = 'block w-full rounded-lg px-3 py-2 text-start text-sm text-fg hover:bg-surface disabled:opacity-60';

export function WorkflowActionsMenu({ workflow, contents, canDelete, onRename, afterDelete }: Props) {
  const t = useTranslations('workflows.lifecycle');
  const router = useRouter();
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ text: string; limit?: boolean } | null>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  /** The copy's name in the user's language, shortened so it stays within the name limit. */
  function copyName(): string {
    const full = t('copyName', { name: workflow.name });
    if (full.length <= limits.nameLength) return full;
    return t('copyName', {
      name: `${workflow.name.slice(0, Math.max(1, workflow.name.length - (full.length - limits.nameLength) - 1))}…`,
    });
  }

  async function duplicate() {
    setPending(true);
    setError(null);
    const result = await callApi<{ id: string; name: string }>(`/api/workflows/${workflow.id}/duplicate`, {
      json: { name: copyName() },
    });
    setPending(false);
    close();
    if (!result.ok)
      return setError(
        result.error.code === 'limit_reached'
          ? { text: t('limitReached'), limit: true }
          : { text: result.error.message || t('failed') },
      );
    showFlash({
      text: t('duplicated', { name: result.data.name }),
      href: `/workflows/${result.data.id}`,
      linkText: t('openCopy'),
    });
    router.refresh();
  }

  function deleted() {
    setConfirming(false);
    const flash = { text: t('deleted', { name: workflow.name }), focusId: 'workflows-heading' };
    showFlash(flash, afterDelete === 'list' ? 'next' : 'here');
    if (afterDelete === 'list') router.push('/workflows');
    else router.refresh();
  }

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('actionsFor', { name: workflow.name })}
        onClick={() => setOpen(!open)}
        className={buttonClass({ size: 'sm' })}
        data-testid="workflow-actions"
      >
        {t('actions')} <span aria-hidden>▾</span>
      </button>
      <ul
        id={menuId}
        hidden={!open}
        className="absolute end-0 z-20 mt-1 w-52 space-y-0.5 rounded-card border border-border-strong bg-surface-raised p-1 shadow-xl"
      >
        {onRename ? (
          <li>
            <button
              type="button"
              className={itemClass}
              onClick={() => {
                setOpen(false);
                onRename();
              }}
            >
              {t('rename')}
            </button>
          </li>
        ) : null}
        <li>
          <button type="button" className={itemClass} disabled={pending} onClick={() => void duplicate()}>
            {pending ? t('duplicating') : t('duplicate')}
          </button>
        </li>
        <li>
          <a
            href={`/api/workflows/${workflow.id}/export`}
            download
            className={itemClass}
            onClick={() => setOpen(false)}
          >
            {t('export')}
          </a>
        </li>
        {canDelete ? (
          <li>
            <button
              type="button"
              className={`${itemClass} text-danger`}
              onClick={() => {
                setOpen(false);
                setConfirming(true);
              }}
            >
              {t('delete')}
            </button>
          </li>
        ) : null}
      </ul>
      {error ? (
        <p role="alert" className="mt-1 max-w-xs text-xs text-danger">
          {error.text}{' '}
          {error.limit ? (
            <Link href="/billing" className="text-brand-accent underline underline-offset-4">
              {t('upgrade')}
            </Link>
          ) : null}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDeleteDialog
          workflowId={workflow.id}
          name={workflow.name}
          contents={contents}
          onClose={() => {
            setConfirming(false);
            button.current?.focus();
          }}
          onDeleted={deleted}
        />
      ) : null}
    </div>
  );
}
