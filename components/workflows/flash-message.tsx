'use client';
// A status message that survives one navigation (delete on the workflow page → the list): announced politely,
// optionally with a link, and optionally moving focus to an element the next page has (its heading).
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Link } from '@/lib/i18n/navigation';

export type Flash = { text: string; href?: string; linkText?: string; focusId?: string };

const STORAGE_KEY = 'levqor.flash';
const FLASH_EVENT = 'levqor:flash';

/** Shows `flash` in this page's FlashMessage, or (`next`) in the next page's, when this one is navigating away. */
export function showFlash(flash: Flash, where: 'here' | 'next' = 'here'): void {
  if (where === 'here') return void window.dispatchEvent(new CustomEvent<Flash>(FLASH_EVENT, { detail: flash }));
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(flash));
  } catch {
    // NOTE: storage can be disabled; the page then simply shows no message.
  }
}

function takeStored(): Flash | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    sessionStorage.removeItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Flash) : null;
  } catch {
    return null;
  }
}

export function FlashMessage() {
  const t = useTranslations('workflows.lifecycle');
  const [flash, setFlash] = useState<Flash | null>(null);

  const show = useCallback((next: Flash | null) => {
    if (!next) return;
    setFlash(next);
    if (next.focusId) requestAnimationFrame(() => document.getElementById(next.focusId!)?.focus());
  }, []);

  useEffect(() => {
    const frame = requestAnimationFrame(() => show(takeStored()));
    const onFlash = (event: Event) => show((event as CustomEvent<Flash>).detail);
    window.addEventListener(FLASH_EVENT, onFlash);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener(FLASH_EVENT, onFlash);
    };
  }, [show]);

  return (
    <div role="status" aria-live="polite" data-testid="flash-message">
      {flash ? (
        <p className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-card border border-success/40 bg-success/10 px-4 py-3 text-sm text-fg">
          <span>{flash.text}</span>
          {flash.href ? (
            <Link href={flash.href} className="text-brand-accent underline underline-offset-4">
              {flash.linkText}
            </Link>
          ) : null}
          <button
            type="button"
            onClick={() => setFlash(null)}
            className="ms-auto rounded-lg px-2 py-0.5 text-xs text-fg-muted hover:bg-surface-raised"
          >
            {t('dismiss')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
