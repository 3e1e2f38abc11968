'use client';
// Copies a value (a webhook URL) to the clipboard and says so.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations('workflows');
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      className={buttonClass({ size: 'sm' })}
      onClick={() =>
        navigator.clipboard?.writeText(value).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      <span aria-live="polite">{copied ? t('copied') : t('copy')}</span>
    </button>
  );
}
