'use client';
// "Before you switch this on": connections to add, fields to fill and a test run, ticked off from the saved definition
// and the workspace's connections (GET /api/workflows/:id/setup, again on "Check again" and when the tab regains focus).
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { callApi } from '@/lib/client/call-api';
import { Link } from '@/lib/i18n/navigation';

export type SetupItemView =
  | { kind: 'connection'; done: boolean; stepId: string; path: string; connector: string; credential: string }
  | { kind: 'field'; done: boolean; stepId: string; path: string; field: string; value: string; secret: boolean }
  | { kind: 'test_run'; done: boolean };

type Props = { workflowId: string; enabled: boolean; items: SetupItemView[] };

export function SetupChecklist({ workflowId, enabled, items: initial }: Props) {
  const t = useTranslations('workflows.setup');
  const types = useTranslations('workflows.visualEditor');
  const [items, setItems] = useState(initial);
  const [pending, setPending] = useState(false);

  const refresh = useCallback(async () => {
    setPending(true);
    const result = await callApi<{ items: SetupItemView[] }>(`/api/workflows/${workflowId}/setup`);
    setPending(false);
    if (result.ok) setItems(result.data.items);
  }, [workflowId]);

  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  const open = items.filter((item) => !item.done && item.kind !== 'test_run').length;
  if (items.length === 0 || (enabled && open === 0)) return null;
  const connector = (type: string) => (types.has(`types.${type}`) ? types(`types.${type}` as 'types.log') : type);
  const editor = `/workflows/${workflowId}?tab=visual`;
  const linksOf = (item: SetupItemView): { href: string; label: string }[] =>
    item.kind === 'test_run'
      ? [{ href: `/workflows/${workflowId}?tab=overview`, label: t('openTest') }]
      : [
          { href: editor, label: t('openStep', { step: item.stepId }) },
          ...(item.kind === 'connection' ? [{ href: '/settings/connections', label: t('openConnections') }] : []),
        ];

  return (
    <section
      aria-labelledby="setup-checklist-title"
      className="mt-6 rounded-card border border-warning/40 bg-warning/5 p-4"
      data-testid="setup-checklist"
      data-open={open}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="setup-checklist-title" className="font-display text-base font-semibold">
          {t('title')}
        </h2>
        <span className="flex items-center gap-2 text-xs text-fg-muted">
          <span aria-live="polite">
            {t('progress', { done: items.filter((item) => item.done).length, total: items.length })}
          </span>
          <Button size="sm" variant="ghost" pending={pending} onClick={() => void refresh()}>
            {t('refresh')}
          </Button>
        </span>
      </div>
      <p className="mt-1 text-sm text-fg-muted">{open === 0 ? t('ready') : t('intro')}</p>
      <ul className="mt-3 space-y-2 text-sm">
        {items.map((item, index) => (
          <li
            key={item.kind === 'test_run' ? 'test' : `${item.kind}-${item.path}-${index}`}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-surface-sunken px-3 py-2"
            data-testid="setup-item"
            data-kind={item.kind}
            data-done={item.done}
          >
            <Badge tone={item.done ? 'success' : 'warning'}>
              <span aria-hidden>{item.done ? '✓' : '○'}</span> {item.done ? t('done') : t('todo')}
            </Badge>
            <span className={`min-w-0 break-words ${item.done ? 'text-fg-muted line-through' : 'text-fg'}`}>
              {item.kind === 'connection'
                ? t('connection', { connector: connector(item.connector), name: item.credential, step: item.stepId })
                : item.kind === 'field'
                  ? t(item.secret ? 'secretField' : 'field', {
                      field: item.field,
                      step: item.stepId,
                      value: item.value,
                    })
                  : t('testRun')}
            </span>
            {!item.done
              ? linksOf(item).map((link) => (
                  <Link
                    key={link.href}
                    href={link.href}
                    className="text-xs text-brand-accent underline underline-offset-4"
                  >
                    {link.label}
                  </Link>
                ))
              : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
