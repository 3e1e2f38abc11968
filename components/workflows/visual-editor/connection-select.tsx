'use client';
// A connector step's connection: a select of the workspace's connections of the step's kind (GET /api/connectors/credentials),
// keeping a typed name that does not exist as a "missing" choice, with a link to add one.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ConnectionKind, ConnectionSummary } from '@/components/app/connections/connection-kinds';
import { callApi } from '@/lib/client/call-api';
import { Link } from '@/lib/i18n/navigation';
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';
import { describedBy, FieldErrors, inputClass } from './field-errors';

type Props = {
  id: string;
  kind: ConnectionKind;
  label: string;
  required?: boolean;
  value: unknown;
  issues?: EditorIssue[];
  onChange: (value: unknown) => void;
};

let cached: { at: number; list: Promise<ConnectionSummary[] | null> } | null = null;

/** One request for every picker on the page, refreshed after 10 s (a connection added meanwhile shows up). */
function loadConnections(): Promise<ConnectionSummary[] | null> {
  if (!cached || Date.now() - cached.at > 10_000) {
    const list = callApi<{ data: ConnectionSummary[] }>('/api/connectors/credentials').then((result) =>
      result.ok ? result.data.data : null,
    );
    cached = { at: Date.now(), list };
  }
  return cached.list;
}

export function ConnectionSelect({ id, kind, label, required, value, issues, onChange }: Props) {
  const t = useTranslations('workflows.visualEditor');
  const tKinds = useTranslations('app.connectionsPage.kinds');
  const [connections, setConnections] = useState<ConnectionSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadConnections().then((list) => live && setConnections(list ?? []));
    return () => {
      live = false;
    };
  }, []);
  const name = typeof value === 'string' ? value : '';
  const matching = (connections ?? []).filter((connection) => connection.connector === kind);
  const missing = connections !== null && name !== '' && !matching.some((connection) => connection.name === name);
  const kindLabel = tKinds(kind);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label} {required ? <span className="text-fg-subtle">*</span> : null}
      </label>
      <select
        id={id}
        value={name}
        onChange={(event) => onChange(event.target.value || undefined)}
        aria-invalid={Boolean(issues?.length) || missing}
        aria-describedby={describedBy(issues?.length && `${id}-error`, `${id}-hint`)}
        className={inputClass}
        data-field="connection"
        data-testid="connection-select"
      >
        <option value="">{required ? t('connectionChoose') : t('connectionNone')}</option>
        {missing || (connections === null && name) ? (
          <option value={name}>{missing ? t('connectionMissing', { name }) : name}</option>
        ) : null}
        {matching.map((connection) => (
          <option key={connection.id} value={connection.name}>
            {connection.name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className={`mt-1 text-xs ${missing ? 'text-danger' : 'text-fg-subtle'}`}>
        {missing
          ? t('connectionMissingHint', { name, kind: kindLabel })
          : connections !== null && matching.length === 0
            ? t('connectionEmpty', { kind: kindLabel })
            : null}{' '}
        <Link href="/settings/connections" className="text-brand-accent underline underline-offset-4">
          {t('connectionAdd')}
        </Link>
      </p>
      <FieldErrors id={`${id}-error`} issues={issues} />
    </div>
  );
}
