import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkAiAllowed } from '@/lib/ai/guard/check-ai-allowed';
import { AI_SPIKE_EVENT, detectAiSpike } from '@/lib/ai/guard/detect-ai-spike';
import { parseEnv } from '@/lib/env';
import { findAnomalies } from '@/lib/guardian/find-anomalies';
import { alertCriticalAnomalies } from '@/lib/guardian/send-alerts';
import { derivePlans } from '@/lib/guardian/upgrade/derive-plans';
import { seedMember } from '../../accounts/seed';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callsInMinute, clearAiGuardData, seedAiCalls } from '../seed-ai-calls';

let test: TestDb;
let acme: string;
let globex: string;
const now = new Date('2026-12-04T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const env = parseEnv({ NODE_ENV: 'test', ADMIN_EMAIL: 'ops@levqor.test', APP_URL: 'https://levqor.test' });

/** `perMinute(minutesAgo)` model calls in each of the 60 minutes before the last one. */
async function seedNorm(workspaceId: string, perMinute: (minutesAgo: number) => number) {
  for (let minute = 1; minute <= 60; minute++)
    await seedAiCalls(test.db, workspaceId, callsInMinute(now, minute, perMinute(minute)));
}
const throttleOf = (workspaceId: string) =>
  test.db.selectFrom('ai_throttles').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
const spikeEvents = () => test.db.selectFrom('telemetry_logs').selectAll().where('name', '=', AI_SPIKE_EVENT).execute();

beforeAll(async () => {
  test = await createTestDb();
  acme = (await seedMember(test.db, 'owner')).workspaceId;
  globex = (await seedMember(test.db, 'owner')).workspaceId;
  await test.db.updateTable('workspaces').set({ name: 'Globex' }).where('id', '=', globex).execute();
});
afterAll(() => test.close());
beforeEach(() => clearAiGuardData(test.db));

describe('AI spike detection', () => {
  it('leaves a steady workspace alone', async () => {
    await seedNorm(acme, (minute) => 4 + (minute % 3));
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 7));
    expect(await detectAiSpike(test.db, acme, now)).toBe(false);
    expect(await throttleOf(acme)).toBeUndefined();
    expect(await checkAiAllowed(test.db, acme, now)).toBeNull();
  });

  it('leaves a person alone who asks a few quick questions in a quiet workspace', async () => {
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 8));
    expect(await detectAiSpike(test.db, acme, now)).toBe(false);
  });

  it('throttles a burst far above the norm for 15 minutes, and records it once', async () => {
    await seedNorm(globex, (minute) => (minute % 2 === 0 ? 1 : 2));
    await seedAiCalls(test.db, globex, callsInMinute(now, 0, 15));

    expect(await detectAiSpike(test.db, globex, now)).toBe(true);
    expect(await throttleOf(globex)).toMatchObject({ reason: 'spike', throttled_until: at(15 * 60_000) });
    expect(await detectAiSpike(test.db, globex, at(1_000))).toBe(true);
    expect(await checkAiAllowed(test.db, globex, at(2_000))).toBe('throttled');

    const events = await spikeEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ workspace_id: globex, kind: 'event' });
    expect(events[0]!.meta).toMatchObject({ workspace: 'Globex', calls: 15, by: 'calls' });
    expect(await throttleOf(acme)).toBeUndefined();
  });

  it('shows the spike in the guardian anomalies and alerts the operators once', async () => {
    await seedAiCalls(test.db, globex, callsInMinute(now, 0, 18));
    expect(await detectAiSpike(test.db, globex, now)).toBe(true);
    expect(await detectAiSpike(test.db, globex, at(5_000))).toBe(true);

    const { anomalies } = await findAnomalies(test.db, { windowMinutes: 60, now: at(60_000) });
    const spikes = anomalies.filter((anomaly) => anomaly.kind === 'ai_spike');
    expect(spikes).toEqual([
      expect.objectContaining({
        fingerprint: `ai_spike:${globex}`,
        severity: 'critical',
        details: expect.objectContaining({ workspace: 'Globex', calls: 18 }),
      }),
    ]);
    expect((await alertCriticalAnomalies(test.db, spikes, { now: at(60_000), env })).sent).toEqual([
      `ai_spike:${globex}`,
    ]);
    expect((await alertCriticalAnomalies(test.db, spikes, { now: at(6 * 60_000), env })).suppressed).toEqual([
      `ai_spike:${globex}`,
    ]);
    const mail = await test.db
      .selectFrom('email_outbox')
      .select(['subject'])
      .where('kind', '=', 'operator_alert')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('AI spike in Globex');
    expect(derivePlans({ anomalies: spikes, checks: [], failedSignIns: 0 })).toEqual([
      expect.objectContaining({ metadata: expect.objectContaining({ code: 'review_ai_spike' }) }),
    ]);
  });

  it('ends the throttle after its 15 minutes, when use is back to normal', async () => {
    await seedAiCalls(test.db, globex, callsInMinute(now, 0, 15));
    expect(await detectAiSpike(test.db, globex, now)).toBe(true);
    expect(await checkAiAllowed(test.db, globex, at(14 * 60_000))).toBe('throttled');
    expect(await checkAiAllowed(test.db, globex, at(15 * 60_000 + 1_000))).toBeNull();
    expect(await spikeEvents()).toHaveLength(1);
  });

  it('throttles a spend spike: a few very expensive calls', async () => {
    await seedNorm(acme, () => 1);
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 3, { costMicrocents: 1_500_000 }));
    expect(await detectAiSpike(test.db, acme, now)).toBe(true);
    expect((await spikeEvents())[0]!.meta).toMatchObject({ by: 'spend', cost_microcents: 4_500_000 });
  });

  it("keeps an operator's own calls per minute when a spike pauses the workspace", async () => {
    await test.db
      .insertInto('ai_throttles')
      .values({ workspace_id: acme, calls_per_minute: 50, reason: 'admin', throttled_until: at(-60_000) })
      .execute();
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 30));
    expect(await detectAiSpike(test.db, acme, now)).toBe(true);
    expect(await throttleOf(acme)).toMatchObject({ calls_per_minute: 50, reason: 'spike' });
  });

  it('does not count answers from the fallbacks', async () => {
    await seedAiCalls(test.db, acme, callsInMinute(now, 0, 40, { source: 'fallback' }));
    expect(await detectAiSpike(test.db, acme, now)).toBe(false);
  });
});
