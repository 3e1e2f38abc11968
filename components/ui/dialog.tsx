'use client';
// A modal dialog on the native <dialog> (focus trap, Escape, inert background for free) and a confirm dialog built on
// it. Focus returns to the element that opened it when it closes.
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Button } from './button';

type DialogProps = {
  /** To close the dialog before the caller moves focus elsewhere (a modal dialog makes the page behind it inert). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  onClose: () => void;
  busy?: boolean;
  testId?: string;
};

export function Dialog({ dialogRef, title, children, footer, onClose, busy = false, testId = 'dialog' }: DialogProps) {
  const id = useId();
  const ownRef = useRef<HTMLDialogElement>(null);
  const dialog = dialogRef ?? ownRef;

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      // NOTE: only when focus has nowhere better to be: the caller may already have moved it (e.g. to a heading), and
      // the opener may have been re-rendered away.
      const active = document.activeElement;
      const lost = !active || active === document.body || Boolean(element?.contains(active));
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [dialog]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-border-strong bg-surface-raised p-6 text-fg shadow-2xl backdrop:bg-slate-950/70"
      data-testid={testId}
    >
      <h2 id={`${id}-title`} className="font-display text-xl font-semibold break-words">
        {title}
      </h2>
      <div className="mt-3 space-y-3 text-sm text-fg-muted">{children}</div>
      {footer ? <div className="mt-6 flex flex-wrap justify-end gap-2">{footer}</div> : null}
    </dialog>
  );
}

type ConfirmProps = {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel?: string;
  tone?: 'danger' | 'primary';
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
};

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  pendingLabel,
  tone = 'danger',
  pending = false,
  error,
  onConfirm,
  onClose,
  testId,
}: ConfirmProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={pending}
      testId={testId}
      footer={
        <>
          <Button autoFocus disabled={pending} onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button variant={tone} pending={pending} pendingText={pendingLabel} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {error ? (
        <p role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
