import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callModelStructured, CREDITS_PER_CALL, ModelUnavailableError, streamModelText } from '@/lib/ai/call-model';
import { setFlag } from '@/lib/flags/set-flag';
import { spendCredits } from '@/lib/billing/spend-credits';
import { seedMember, type Seeded } from '../accounts/seed';
import { type OpenAiStandIn, standInClient, startOpenAiStandIn } from '../helpers/openai-stand-in';
import { createTestDb, type TestDb } from '../helpers/test-db';

const answerSchema = z.object({ title: z.string(), tags: z.array(z.string()) });
const ask = { system: 'You name things.', messages: [{ role: 'user' as const, content: 'Name it' }] };

let test: TestDb;
let standIn: OpenAiStandIn;
let member: Seeded;

beforeAll(async () => {
  test = await createTestDb();
  standIn = await startOpenAiStandIn({ usage: { prompt: 120, completion: 80 } });
}, 60_000);
afterAll(async () => {
  await standIn.close();
  await test.close();
});
beforeEach(async () => {
  member = await seedMember(test.db, 'owner');
  standIn.requests.length = 0;
});

const ctx = (client = standInClient(standIn)) => ({
  db: test.db,
  scope: member.scope,
  feature: 'workflow' as const,
  client,
});
const calls = () =>
  test.db
    .selectFrom('ai_calls')
    .selectAll()
    .where('workspace_id', '=', member.workspaceId)
    .orderBy('created_at')
    .execute();
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (error: unknown) => (error instanceof ModelUnavailableError ? error.reason : `threw ${String(error)}`),
  );

describe('callModelStructured against the OpenAI stand-in', () => {
  it('returns the parsed structured output and records tokens, cost, credits and latency', async () => {
    standIn.reply({ kind: 'json', value: { title: 'Orders backup', tags: ['shopify'] } });
    await expect(callModelStructured(ctx(), { ...ask, schema: answerSchema, schemaName: 'naming' })).resolves.toEqual({
      title: 'Orders backup',
      tags: ['shopify'],
    });
    const sent = standIn.requests[0]!.body;
    expect(sent.model).toBe('gpt-4o-mini');
    expect(sent.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'naming', strict: true } });
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'You name things.' });
    const [row] = await calls();
    expect(row).toMatchObject({ source: 'model', model: 'gpt-4o-mini', prompt_tokens: 120, completion_tokens: 80 });
    expect(Number(row!.cost_microcents)).toBe(120 * 15 + 80 * 60);
    expect(row!.credits).toBe(CREDITS_PER_CALL);
    const ledger = await test.db
      .selectFrom('credit_ledger')
      .select(['kind', 'delta', 'reason'])
      .where('workspace_id', '=', member.workspaceId)
      .where('kind', '=', 'spend')
      .execute();
    expect(ledger).toEqual([{ kind: 'spend', delta: -CREDITS_PER_CALL, reason: 'ai_workflow' }]);
  });

  it('waits out a 429 with Retry-After and answers from the retry', async () => {
    standIn.reply(
      { kind: 'status', status: 429, retryAfter: 0 },
      { kind: 'json', value: { title: 'Later', tags: [] } },
    );
    await expect(callModelStructured(ctx(), { ...ask, schema: answerSchema, schemaName: 'naming' })).resolves.toEqual({
      title: 'Later',
      tags: [],
    });
    expect(standIn.requests).toHaveLength(2);
  });

  it('falls back on repeated 500s, gives the credit back and records the error', async () => {
    standIn.reply({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    expect(await reasonOf(callModelStructured(ctx(), { ...ask, schema: answerSchema, schemaName: 'naming' }))).toBe(
      'provider_error',
    );
    const ledger = await test.db
      .selectFrom('credit_ledger')
      .select(['delta', 'reason'])
      .where('workspace_id', '=', member.workspaceId)
      .where('reason', 'like', 'ai_%')
      .orderBy('created_at')
      .execute();
    expect(ledger).toEqual([
      { delta: -CREDITS_PER_CALL, reason: 'ai_workflow' },
      { delta: CREDITS_PER_CALL, reason: 'ai_refund' },
    ]);
    const [row] = await calls();
    expect(row).toMatchObject({ source: 'model', error_code: 'http_500', credits: 0 });
  });

  it('falls back when the provider does not answer within the timeout', async () => {
    standIn.reply({ kind: 'hang' });
    const client = standInClient(standIn, { timeoutMs: 300, maxRetries: 0 });
    expect(await reasonOf(callModelStructured(ctx(client), { ...ask, schema: answerSchema, schemaName: 'n' }))).toBe(
      'provider_error',
    );
    expect((await calls())[0]).toMatchObject({ error_code: 'timeout' });
  });

  it('treats content that is not JSON, JSON of the wrong shape, a refusal and a broken body as unusable', async () => {
    const client = standInClient(standIn, { maxRetries: 0 });
    standIn.reply({ kind: 'raw-content', content: 'Sure! Here is your workflow: {oops' });
    standIn.reply({ kind: 'json', value: { title: 42 } });
    standIn.reply({ kind: 'refusal', text: 'I cannot help with that.' });
    standIn.reply({ kind: 'malformed-body' });
    const reasons = [];
    for (let i = 0; i < 4; i++)
      reasons.push(await reasonOf(callModelStructured(ctx(client), { ...ask, schema: answerSchema, schemaName: 'n' })));
    expect(reasons.slice(0, 3)).toEqual(['invalid_output', 'invalid_output', 'invalid_output']);
    expect(['invalid_output', 'provider_error']).toContain(reasons[3]);
  });

  it('never calls the model without a key, with the kill switch off, or with no credits left — and says why', async () => {
    expect(
      await reasonOf(callModelStructured(ctx(null as never), { ...ask, schema: answerSchema, schemaName: 'n' })),
    ).toBe('not_configured');
    await setFlag(test.db, null, 'ai.enabled', false);
    try {
      expect(await reasonOf(callModelStructured(ctx(), { ...ask, schema: answerSchema, schemaName: 'n' }))).toBe(
        'kill_switch',
      );
    } finally {
      await setFlag(test.db, null, 'ai.enabled', true);
    }
    await spendCredits(test.db, member.workspaceId, 50, 'test_drain', `drain:${member.workspaceId}`);
    expect(await reasonOf(callModelStructured(ctx(), { ...ask, schema: answerSchema, schemaName: 'n' }))).toBe(
      'credits_exhausted',
    );
    expect(standIn.requests).toHaveLength(0);
    expect((await calls()).map((row) => [row.source, row.fallback_reason])).toEqual([
      ['fallback', 'not_configured'],
      ['fallback', 'kill_switch'],
      ['fallback', 'credits_exhausted'],
    ]);
  });
});

describe('streamModelText against the OpenAI stand-in', () => {
  it('streams the words and records the usage the stream reports', async () => {
    standIn.reply({ kind: 'text', text: 'Start from the Shopify backup template.' });
    let text = '';
    for await (const chunk of await streamModelText({ ...ctx(), feature: 'chat' }, ask)) text += chunk;
    expect(text).toBe('Start from the Shopify backup template.');
    expect(standIn.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect((await calls())[0]).toMatchObject({ feature: 'chat', prompt_tokens: 120, completion_tokens: 80 });
  });

  it('throws before the first word when the provider refuses, and midway when the stream breaks', async () => {
    standIn.reply({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    expect(await reasonOf(streamModelText({ ...ctx(), feature: 'chat' }, ask))).toBe('provider_error');
    standIn.reply({ kind: 'stream-break', text: 'This answer will be cut off here' });
    let text = '';
    const reading = (async () => {
      for await (const chunk of await streamModelText({ ...ctx(), feature: 'chat' }, ask)) text += chunk;
    })();
    await expect(reading).rejects.toThrow();
    expect(text.length).toBeGreaterThan(0);
    expect((await calls()).at(-1)?.error_code).not.toBeNull();
  });
});
