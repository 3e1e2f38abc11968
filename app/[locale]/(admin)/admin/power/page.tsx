// Admin → Power panel: launch stage, feature flags and kill switches, run throttles, AI cost controls, costs, the
// approval queue and the live logs.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Time } from '@/components/ui/time';
import { AdminSection } from '@/components/admin/admin-section';
import { AiCostPanel } from '@/components/admin/ai-cost-panel';
import { FlagSwitch } from '@/components/admin/flag-switch';
import { LogsTail } from '@/components/admin/logs-tail';
import { StatCard } from '@/components/admin/stat-card';
import { StatusBadge } from '@/components/admin/status-badge';
import { getDb } from '@/db';
import { getCostMonitor } from '@/lib/admin/cost-monitor';
import { getLaunchStage } from '@/lib/admin/launch-stage';
import { listPendingApprovals } from '@/lib/admin/list-pending-approvals';
import { listOpsSettings } from '@/lib/admin/ops-settings';
import { requireAdminPage } from '@/lib/admin/require-admin';
import { getAiSpend } from '@/lib/ai/usage/get-ai-spend';
import { listAiThrottles } from '@/lib/ai/usage/list-ai-throttles';
import { listFlags } from '@/lib/flags/list-flags';
import { pageTitle } from '@/lib/i18n/page-title';
import { Table, THead, TBody } from '@/components/ui/table';

const th = 'px-4 py-3 text-start font-medium';
const td = 'px-4 py-3';

export const generateMetadata = pageTitle('admin', 'power.title');

export default async function PowerPanelPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, '/admin/power');
  const db = await getDb();
  const [t, format, flags, costs, approvals, settings, aiSpend, aiThrottles] = await Promise.all([
    getTranslations('admin'),
    getFormatter(),
    listFlags(db),
    getCostMonitor(db),
    listPendingApprovals(db),
    listOpsSettings(db),
    getAiSpend(db),
    listAiThrottles(db),
  ]);
  const stage = getLaunchStage();
  const flag = (key: string) => flags.find((item) => item.key === key)?.enabled ?? true;
  const flagText = (key: string, field: 'label' | 'description', fallback: string) => {
    const messageKey = `flags.${key.replace(/\./g, '_')}.${field}`;
    return t.has(messageKey) ? t(messageKey as 'flags.ai_enabled.label') : fallback;
  };
  const money = (cents: number) =>
    format.number(cents / 100, { style: 'currency', currency: 'GBP', maximumFractionDigits: cents < 100 ? 4 : 2 });
  const num = (value: number) => format.number(value);
  const bytes = (value: number | null) =>
    value === null
      ? '—'
      : format.number(value / 1_048_576, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const runsOn = flag('workflows.runs_enabled');
  const aiOn = flag('ai.enabled');

  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('power.title')}</h1>
      <p className="mt-2 max-w-3xl text-fg-muted">{t('power.intro')}</p>

      <AdminSection id="stage" title={t('power.stageTitle')}>
        <dl className="grid gap-4 sm:grid-cols-3">
          <StatCard label={t('power.stage')} value={<span className="text-xl">{t(`stage.${stage.stage}`)}</span>} />
          <StatCard
            label={t('power.autopilot')}
            value={<span className="text-xl">{t(`power.autopilotMode.${stage.autopilot}`)}</span>}
          />
          <StatCard
            label={t('power.approvals')}
            value={<span className="text-xl">{stage.approvalsRequired ? t('power.required') : t('power.policy')}</span>}
          />
        </dl>
        <p className="mt-3 text-sm text-fg-subtle">{t('power.stageHint')}</p>
      </AdminSection>

      <AdminSection id="flags" title={t('power.flagsTitle')} description={t('power.flagsIntro')}>
        <div className="divide-y divide-border rounded-card border border-border">
          {flags
            .filter((item) => item.key !== 'ai.enabled')
            .map((item) => (
              <FlagSwitch
                key={item.key}
                flagKey={item.key}
                enabled={item.enabled}
                label={flagText(item.key, 'label', item.key)}
                description={flagText(item.key, 'description', item.description)}
              />
            ))}
        </div>
      </AdminSection>

      <AdminSection id="throttles" title={t('power.throttlesTitle')}>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="rounded-card border border-border p-5">
            <h3 className="font-medium">{t('power.runsTitle')}</h3>
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <StatusBadge tone={runsOn ? 'ok' : 'critical'} testId="runs-state">
                {runsOn ? t('power.runsOn') : t('power.runsOff')}
              </StatusBadge>
            </p>
            <p className="mt-2 text-sm text-fg-muted">{runsOn ? t('power.runsOnHint') : t('power.runsOffHint')}</p>
          </div>
          <div className="rounded-card border border-border p-5">
            <h3 className="font-medium">{t('power.aiTitle')}</h3>
            <p className="mt-2 text-sm">
              <StatusBadge tone={aiOn ? 'ok' : 'critical'} testId="ai-state">
                {aiOn ? t('power.aiOn') : t('power.aiOff')}
              </StatusBadge>
            </p>
            <p className="mt-2 text-sm text-fg-muted">
              {t('ai.spentToday', { spent: money(aiSpend.today.costCents), budget: money(costs.ai.dailyBudgetCents) })}
            </p>
          </div>
        </div>
      </AdminSection>

      <AdminSection id="ai" title={t('ai.title')} description={t('ai.intro')}>
        <AiCostPanel
          killSwitch={{
            enabled: aiOn,
            label: flagText('ai.enabled', 'label', 'ai.enabled'),
            description: flagText('ai.enabled', 'description', ''),
          }}
          settings={settings}
          spend={aiSpend}
          throttles={aiThrottles}
        />
      </AdminSection>

      <AdminSection id="costs" title={t('costs.title')} description={t('costs.intro')}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <StatCard
            label={t('costs.runs')}
            value={num(costs.runs.last24h)}
            note={t('costs.last30d', { count: costs.runs.last30d, failed: costs.runs.failed30d })}
          />
          <StatCard
            label={t('costs.emails')}
            value={num(costs.emails.last24h)}
            note={t('costs.last30d', { count: costs.emails.last30d, failed: costs.emails.failed30d })}
          />
          <StatCard
            label={t('costs.aiCalls')}
            value={num(costs.ai.calls24h)}
            note={t('costs.aiCost', { cost: money(costs.ai.costCents30d), calls: costs.ai.calls30d })}
          />
          <StatCard
            label={t('costs.backups')}
            value={bytes(costs.backups.bytes)}
            note={t('costs.snapshots', { count: costs.backups.snapshots })}
          />
          <StatCard
            label={t('costs.telemetry')}
            value={num(costs.telemetry.rows24h)}
            note={t('costs.telemetryTotal', { count: costs.telemetry.rows })}
          />
          <StatCard label={t('costs.database')} value={bytes(costs.databaseBytes)} />
        </dl>
      </AdminSection>

      <AdminSection id="approvals" title={t('approvals.title')} description={t('approvals.intro')}>
        {approvals.length === 0 ? (
          <p className="text-sm text-fg-subtle">{t('approvals.empty')}</p>
        ) : (
          <Table label={t('approvals.title')}>
            <THead>
              <tr>
                <th scope="col" className={th}>
                  {t('approvals.workspace')}
                </th>
                <th scope="col" className={th}>
                  {t('approvals.workflow')}
                </th>
                <th scope="col" className={th}>
                  {t('approvals.class')}
                </th>
                <th scope="col" className={th}>
                  {t('approvals.created')}
                </th>
                <th scope="col" className={th}>
                  {t('approvals.expires')}
                </th>
              </tr>
            </THead>
            <TBody>
              {approvals.map((approval) => (
                <tr key={approval.id} data-testid="approval-row">
                  <td className={td}>{approval.workspaceName}</td>
                  <td className={td}>
                    {approval.workflowName}{' '}
                    <span className="font-mono text-xs text-fg-subtle" dir="ltr">
                      {approval.stepId}
                    </span>
                  </td>
                  <td className={td}>{approval.actionClass}</td>
                  <td className={`${td} whitespace-nowrap text-fg-muted`}>
                    <Time value={approval.createdAt} />
                  </td>
                  <td className={`${td} whitespace-nowrap text-fg-muted`}>
                    <Time value={approval.expiresAt} relative />
                  </td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </AdminSection>

      <AdminSection id="logs" title={t('logs.title')} description={t('logs.intro')}>
        <LogsTail />
      </AdminSection>
    </div>
  );
}
