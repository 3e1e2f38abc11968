'use client';
// The app shell's "Help" button and the side panel it opens: a modal <dialog> (focus trapped inside, Escape closes,
// focus back on the button), full screen on a phone, with the contextual help chat for the current page.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { usePathname } from '@/lib/i18n/navigation';
import { HelpPanelChat } from './help-panel-chat';
import { helpContextOf, helpPageOf } from './help-panel-context';

export function HelpPanel() {
  const t = useTranslations('ai.help');
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  /** The conversation stays (mounted) after the panel first opens, so closing and reopening keeps it. */
  const [used, setUsed] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('#help-question')?.focus();
    }
    if (!open && element.open) {
      element.close();
      opener.current?.focus();
    }
  }, [open]);

  return (
    <>
      <button
        ref={opener}
        type="button"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised"
        data-testid="help-open"
      >
        {t('open')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="help-panel-title"
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
        className="fixed inset-0 m-0 ms-auto h-dvh max-h-none w-full max-w-none border-border-strong bg-surface-raised p-0 text-fg shadow-2xl backdrop:bg-slate-950/60 sm:w-[28rem] sm:border-s"
        data-testid="help-panel"
      >
        {used ? (
          <div className="flex h-full flex-col">
            <header className="flex items-center justify-between gap-3 border-b border-border px-5 py-4">
              <h2 id="help-panel-title" className="font-display text-lg font-semibold">
                {t('title')}
              </h2>
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="rounded-lg px-2 py-1 text-sm text-fg-muted hover:bg-surface hover:text-fg"
                data-testid="help-close"
              >
                {t('close')}
              </button>
            </header>
            <HelpPanelChat
              context={helpContextOf(pathname)}
              page={helpPageOf(pathname)}
              onNavigate={() => setOpen(false)}
            />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
