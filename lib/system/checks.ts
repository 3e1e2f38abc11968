// Real dependency checks for heartbeat and health: a database round trip, and the Stripe and AI APIs when configured.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Env } from '@/lib/env';

export type CheckResult = { ok: boolean | 'not_configured'; latency_ms: number | null; error?: string };

const EXTERNAL_TIMEOUT_MS = 2_500;
const EXTERNAL_CACHE_MS = 60_000;

export async function checkDatabase(db: Db | null): Promise<CheckResult> {
  if (!db) return { ok: false, latency_ms: null, error: 'database could not be opened' };
  const startedAt = performance.now();
  try {
    await sql`select 1`.execute(db);
    return { ok: true, latency_ms: elapsed(startedAt) };
  } catch (error) {
    return {
      ok: false,
      latency_ms: elapsed(startedAt),
      error: error instanceof Error ? error.message : 'database error',
    };
  }
}

export function checkStripe(env: Env, fetchImpl: typeof fetch = fetch): Promise<CheckResult> {
  if (!env.STRIPE_SECRET_KEY) return Promise.resolve({ ok: 'not_configured', latency_ms: null });
  const base = env.STRIPE_API_BASE ?? 'https://api.stripe.com';
  return cachedProbe('stripe', () => probe(`${base}/v1/balance`, env.STRIPE_SECRET_KEY!, fetchImpl));
}

export function checkAi(env: Env, fetchImpl: typeof fetch = fetch): Promise<CheckResult> {
  if (!env.OPENAI_API_KEY) return Promise.resolve({ ok: 'not_configured', latency_ms: null });
  const base = (env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/$/, '');
  return cachedProbe('ai', () => probe(`${base}/models`, env.OPENAI_API_KEY!, fetchImpl));
}

async function probe(url: string, bearer: string, fetchImpl: typeof fetch): Promise<CheckResult> {
  const startedAt = performance.now();
  try {
    const response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${bearer}` },
      signal: AbortSignal.timeout(EXTERNAL_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok
      ? { ok: true, latency_ms: elapsed(startedAt) }
      : { ok: false, latency_ms: elapsed(startedAt), error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, latency_ms: elapsed(startedAt), error: error instanceof Error ? error.name : 'request failed' };
  }
}

// NOTE: external probes are cached per instance so heartbeat polling never rate-limits us at Stripe or OpenAI.
const probeCache = new Map<string, { at: number; result: Promise<CheckResult> }>();

function cachedProbe(key: string, run: () => Promise<CheckResult>): Promise<CheckResult> {
  const hit = probeCache.get(key);
  if (hit && Date.now() - hit.at < EXTERNAL_CACHE_MS) return hit.result;
  const result = run();
  probeCache.set(key, { at: Date.now(), result });
  return result;
}

export function clearProbeCache(): void {
  probeCache.clear();
}

const elapsed = (startedAt: number) => Math.round((performance.now() - startedAt) * 10) / 10;
