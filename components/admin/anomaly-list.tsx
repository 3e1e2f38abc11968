// Anomalies with a severity badge and a translated description built from each anomaly's details.
import { getTranslations } from 'next-intl/server';
import type { Anomaly } from '@/lib/guardian/anomaly-rules';
import { StatusBadge } from './status-badge';

export async function AnomalyList({
  anomalies,
  emptyText,
  testId = 'anomaly',
}: {
  anomalies: Anomaly[];
  emptyText: string;
  testId?: string;
}) {
  const t = await getTranslations('admin.anomalies');
  if (anomalies.length === 0) return <p className="text-sm text-fg-subtle">{emptyText}</p>;
  return (
    <ul className="divide-y divide-border rounded-card border border-border">
      {anomalies.map((anomaly) => {
        const values = Object.fromEntries(Object.entries(anomaly.details).map(([key, value]) => [key, value ?? '']));
        return (
          <li
            key={anomaly.fingerprint}
            className="flex flex-wrap items-start gap-3 px-4 py-3 text-sm"
            data-testid={testId}
            data-kind={anomaly.kind}
          >
            <StatusBadge tone={anomaly.severity === 'critical' ? 'critical' : 'warning'}>
              {t(`severity.${anomaly.severity}`)}
            </StatusBadge>
            <span className="min-w-0 flex-1 break-words">{t(`kinds.${anomaly.kind}`, values)}</span>
          </li>
        );
      })}
    </ul>
  );
}
