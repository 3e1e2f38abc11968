// The power panel's AI section: kill switch, budgets and limits, today's and 30-day spend, the top spenders today and
// the throttled workspaces, each with a per-workspace throttle control.
import { getFormatter, getTranslations } from 'next-intl/server';
import { Time } from '@/components/ui/time';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import type { OpsSettingDto } from '@/lib/admin/ops-settings';
import type { AiSpend, AiSpendTotals } from '@/lib/ai/usage/get-ai-spend';
import type { AiThrottleDto } from '@/lib/ai/usage/list-ai-throttles';
import { AiThrottleControl } from './ai-throttle-control';
import { FlagSwitch } from './flag-switch';
import { OpsSettingForm } from './ops-setting-form';
import { StatCard } from './stat-card';
import { StatusBadge } from './status-badge';

type Props = {
  killSwitch: { enabled: boolean; label: string; description: string };
  settings: OpsSettingDto[];
  spend: AiSpend;
  throttles: AiThrottleDto[];
};

export async function AiCostPanel({ killSwitch, settings, spend, throttles }: Props) {
  const [t, format] = await Promise.all([getTranslations('admin.ai'), getFormatter()]);
  const setting = (key: OpsSettingDto['key']) => settings.find((item) => item.key === key)?.value ?? 0;
  const money = (cents: number) =>
    format.number(cents / 100, { style: 'currency', currency: 'GBP', maximumFractionDigits: cents < 100 ? 4 : 2 });
  const num = (value: number) => format.number(value);
  const defaultPerMinute = setting('ai.workspace_calls_per_minute');
  const throttleOf = new Map(throttles.map((row) => [row.workspaceId, row]));
  const totals = (label: string, value: AiSpendTotals, testId: string) => (
    <StatCard
      label={label}
      testId={testId}
      value={money(value.costCents)}
      note={
        <>
          {t('answers', { count: value.calls })} ·{' '}
          {t('modelShare', {
            model: num(value.modelCalls),
            fallback: num(value.fallbackCalls),
            share: format.number(value.calls === 0 ? 0 : value.modelCalls / value.calls, { style: 'percent' }),
          })}
          <br />
          {t('tokens', { prompt: num(value.promptTokens), completion: num(value.completionTokens) })}
        </>
      }
    />
  );

  return (
    <div className="space-y-8" data-testid="ai-cost-panel">
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-card border border-border">
          <h3 className="px-4 pt-4 font-medium">{t('killSwitch')}</h3>
          <FlagSwitch flagKey="ai.enabled" {...killSwitch} />
        </div>
        <div className="space-y-4 rounded-card border border-border p-4">
          <h3 className="font-medium">{t('budgetsTitle')}</h3>
          <p className="text-sm text-fg-muted">
            {t('spentToday', { spent: money(spend.today.costCents), budget: money(setting('ai.daily_budget_cents')) })}
          </p>
          <OpsSettingForm
            settingKey="ai.daily_budget_cents"
            value={setting('ai.daily_budget_cents')}
            unit="pounds"
            label={t('platformBudget')}
          />
          <OpsSettingForm
            settingKey="ai.workspace_daily_budget_cents"
            value={setting('ai.workspace_daily_budget_cents')}
            unit="pounds"
            label={t('workspaceBudget')}
          />
          <OpsSettingForm
            settingKey="ai.workspace_calls_per_minute"
            value={defaultPerMinute}
            unit="count"
            label={t('callsPerMinute')}
          />
        </div>
      </div>

      <dl className="grid gap-4 sm:grid-cols-2">
        {totals(t('today'), spend.today, 'ai-spend-today')}
        {totals(t('last30d'), spend.last30d, 'ai-spend-30d')}
      </dl>

      <div>
        <h3 className="font-medium">{t('topTitle')}</h3>
        {spend.topWorkspacesToday.length === 0 ? (
          <p className="mt-2 text-sm text-fg-subtle">{t('topEmpty')}</p>
        ) : (
          <Table label={t('topTitle')} className="mt-2" testId="ai-top-workspaces">
            <THead>
              <tr>
                <Th>{t('workspace')}</Th>
                <Th className="text-end">{t('answersColumn')}</Th>
                <Th className="text-end">{t('cost')}</Th>
                <Th>{t('throttle')}</Th>
              </tr>
            </THead>
            <TBody>
              {spend.topWorkspacesToday.map((row) => (
                <tr key={row.workspaceId} data-testid="ai-top-row">
                  <Td>{row.name}</Td>
                  <Td className="text-end tabular-nums">
                    {num(row.calls)} ({num(row.modelCalls)})
                  </Td>
                  <Td className="text-end tabular-nums">{money(row.costCents)}</Td>
                  <Td>
                    <AiThrottleControl
                      workspaceId={row.workspaceId}
                      workspaceName={row.name}
                      callsPerMinute={throttleOf.get(row.workspaceId)?.callsPerMinute ?? null}
                      throttled={throttleOf.has(row.workspaceId)}
                    />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>

      <div>
        <h3 className="font-medium">{t('throttledTitle')}</h3>
        <p className="mt-1 text-sm text-fg-muted">{t('throttledIntro')}</p>
        {throttles.length === 0 ? (
          <p className="mt-2 text-sm text-fg-subtle">{t('throttledEmpty')}</p>
        ) : (
          <Table label={t('throttledTitle')} className="mt-2" testId="ai-throttles">
            <THead>
              <tr>
                <Th>{t('workspace')}</Th>
                <Th>{t('why')}</Th>
                <Th>{t('limit')}</Th>
                <Th>{t('pausedUntil')}</Th>
                <Th>{t('throttle')}</Th>
              </tr>
            </THead>
            <TBody>
              {throttles.map((row) => (
                <tr key={row.workspaceId} data-testid="ai-throttle-row">
                  <Td>{row.workspaceName}</Td>
                  <Td>
                    <StatusBadge tone={row.reason === 'spike' ? 'critical' : 'warning'}>
                      {t(row.reason === 'spike' ? 'reason.spike' : 'reason.admin')}
                    </StatusBadge>
                  </Td>
                  <Td className="tabular-nums">
                    {row.callsPerMinute === null
                      ? t('defaultLimit', { count: defaultPerMinute })
                      : num(row.callsPerMinute)}
                  </Td>
                  <Td className="whitespace-nowrap text-fg-muted">
                    {row.active ? <Time value={row.throttledUntil} relative /> : t('notPaused')}
                  </Td>
                  <Td>
                    <AiThrottleControl
                      workspaceId={row.workspaceId}
                      workspaceName={row.workspaceName}
                      callsPerMinute={row.callsPerMinute}
                      throttled
                    />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </div>
  );
}
