'use client';
// Toasts: `toast('Saved')` from anywhere on the client; one <Toaster/> in the app layout announces them politely and
// dismisses each after a few seconds (errors stay until dismissed and are announced assertively).
import { useEffect, useState } from 'react';

export type ToastTone = 'success' | 'error' | 'info';
type ToastItem = { id: number; text: string; tone: ToastTone };

const TOAST_EVENT = 'levqor:toast';
const DISMISS_AFTER_MS = 6000;
let nextId = 1;

export function toast(text: string, tone: ToastTone = 'success'): void {
  window.dispatchEvent(new CustomEvent<ToastItem>(TOAST_EVENT, { detail: { id: nextId++, text, tone } }));
}

const TONES: Record<ToastTone, string> = {
  success: 'border-success/40',
  error: 'border-danger/60',
  info: 'border-brand-accent/40',
};

export function Toaster({ dismissLabel }: { dismissLabel: string }) {
  const [items, setItems] = useState<ToastItem[]>([]);

  useEffect(() => {
    const onToast = (event: Event) => {
      const item = (event as CustomEvent<ToastItem>).detail;
      setItems((current) => [...current.slice(-3), item]);
      if (item.tone !== 'error')
        setTimeout(() => setItems((current) => current.filter((other) => other.id !== item.id)), DISMISS_AFTER_MS);
    };
    window.addEventListener(TOAST_EVENT, onToast);
    return () => window.removeEventListener(TOAST_EVENT, onToast);
  }, []);

  const polite = items.filter((item) => item.tone !== 'error');
  const urgent = items.filter((item) => item.tone === 'error');
  return (
    <div
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      data-testid="toaster"
    >
      {[
        { list: polite, role: 'status' as const },
        { list: urgent, role: 'alert' as const },
      ].map(({ list, role }) => (
        <div key={role} role={role} className="flex w-full max-w-md flex-col gap-2">
          {list.map((item) => (
            <p
              key={item.id}
              className={`pointer-events-auto flex items-start gap-3 rounded-card border bg-surface-raised px-4 py-3 text-sm text-fg shadow-xl ${TONES[item.tone]}`}
              data-testid="toast"
            >
              <span className="flex-1">{item.text}</span>
              <button
                type="button"
                onClick={() => setItems((current) => current.filter((other) => other.id !== item.id))}
                className="rounded px-1 text-xs text-fg-muted hover:text-fg"
              >
                {dismissLabel}
              </button>
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}
