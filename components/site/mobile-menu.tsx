'use client';
// The public site's menu below `md`: a disclosure button and, right after it, a panel holding the server-rendered links.
// Focus stays on the button (Tab enters the panel); Escape closes and returns focus to it; a click outside, focus
// leaving for the page below and following a link close it too.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { usePathname } from '@/lib/i18n/navigation';

export function MobileMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  // The page the menu was opened on: a client-side navigation to another page closes it.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const open = openedOn === pathname;
  const setOpen = (next: boolean) => setOpenedOn(next ? pathname : null);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenedOn(null);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpenedOn(null);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div
      className="md:hidden"
      // NOTE: the panel covers the page, so Tab past its last link closes it rather than focus something hidden below.
      onBlur={(event) => {
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="site-menu-toggle"
        onClick={() => setOpen(!open)}
        className="inline-flex h-9 min-w-9 items-center justify-center gap-2 rounded-lg border border-border bg-surface-raised px-2.5 text-sm text-fg-muted hover:border-border-strong hover:text-fg"
      >
        <svg
          className="h-4 w-4"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          aria-hidden="true"
        >
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        <span className="sr-only sm:not-sr-only">{label}</span>
      </button>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        data-testid="site-menu"
        // NOTE: any link click closes it, also "/#features" on the home page, where the path does not change.
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpen(false);
        }}
        className="absolute inset-x-0 top-full max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-border bg-surface px-4 pt-2 pb-6 shadow-xl shadow-black/40 transition-[opacity,translate] duration-150 starting:-translate-y-1 starting:opacity-0 motion-reduce:transition-none sm:px-6"
      >
        {children}
      </div>
    </div>
  );
}
