// AI workflow builder bench: runs the evaluation set through the deterministic fallback builder (and, when
// OPENAI_API_KEY is set, the model path) and reports valid %, intent match % (all and held-out) and latency.
// Run: npm run bench:ai-builder  (npx tsx --conditions=react-server bench/ai-builder/run.ts)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Scope } from '@/lib/auth/scope';
import { buildFallbackWorkflow } from '@/lib/ai/workflow/build-fallback-workflow';
import type { WorkflowDefinition } from '@/lib/workflows/definition';
import { validateDefinition } from '@/lib/workflows/validate-definition';
import { type EvalRequest, intentMatches } from './intent-match';

type Outcome = { request: EvalRequest; valid: boolean; matched: boolean; ms: number; note?: string };
type Row = {
  path: string;
  byModel: string;
  valid: string;
  intent: string;
  tuned: string;
  heldOut: string;
  median: string;
  p95: string;
};

const { requests } = JSON.parse(readFileSync(path.join(import.meta.dirname, 'eval-set.json'), 'utf8')) as {
  requests: EvalRequest[];
};

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

function judge(request: EvalRequest, definition: unknown, ms: number, note?: string): Outcome {
  const result = validateDefinition(definition);
  const matched = result.ok && intentMatches(result.definition, request.expect);
  return { request, valid: result.ok, matched, ms, note };
}

function summarise(label: string, outcomes: Outcome[]): Row {
  const share = (list: Outcome[]) => `${percent(list.filter((o) => o.matched).length, list.length)} (${list.length})`;
  const latencies = outcomes.map((o) => o.ms);
  return {
    path: label,
    byModel: label === 'model' ? String(outcomes.filter((o) => o.note === 'model').length) : '–',
    valid: percent(outcomes.filter((o) => o.valid).length, outcomes.length),
    intent: share(outcomes),
    tuned: share(outcomes.filter((o) => !o.request.heldOut)),
    heldOut: share(outcomes.filter((o) => o.request.heldOut)),
    median: `${quantile(latencies, 0.5).toFixed(2)} ms`,
    p95: `${quantile(latencies, 0.95).toFixed(2)} ms`,
  };
}

/** Each request built ROUNDS times after a warm-up; its latency is the median of its rounds. */
const ROUNDS = 5;

function fallbackOutcomes(): Outcome[] {
  for (const request of requests) buildFallbackWorkflow(request.prompt);
  return requests.map((request) => {
    const times: number[] = [];
    let definition: unknown;
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      definition = buildFallbackWorkflow(request.prompt).definition;
      times.push(performance.now() - started);
    }
    return judge(request, definition, quantile(times, 0.5));
  });
}

async function modelOutcomes(): Promise<Outcome[]> {
  const [{ pglite }, { migrateToLatest }, { proposeWorkflow }] = await Promise.all([
    import('@/db/client'),
    import('@/db/migrate'),
    import('@/lib/ai/workflow/propose-workflow'),
  ]);
  const db = await pglite();
  await migrateToLatest(db);
  const user = await db
    .insertInto('users')
    .values({ email: 'bench@levqor.test', name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ workspace_id: workspace.id, user_id: user.id, role: 'owner' }).execute();
  const scope: Scope = { workspaceId: workspace.id, userId: user.id, role: 'owner', via: 'session', scopes: [] };
  const outcomes: Outcome[] = [];
  // NOTE: the spike guard throttles a workspace that suddenly makes 12+ model calls a minute; pace the requests below it.
  const paceMs = Number(process.env.BENCH_AI_PACE_MS ?? 6_000);
  for (const request of requests) {
    if (outcomes.length > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
    const started = performance.now();
    const answer = await proposeWorkflow({ db, scope }, { prompt: request.prompt, locale: request.locale });
    const note = answer.source === 'model' ? 'model' : `fallback:${answer.fallbackReason ?? '?'}`;
    outcomes.push(
      judge(request, answer.definition as unknown as WorkflowDefinition, performance.now() - started, note),
    );
  }
  await db.destroy();
  return outcomes;
}

const fallback = fallbackOutcomes();
const rows = [summarise('fallback', fallback)];
let model: Outcome[] = [];
if (process.env.OPENAI_API_KEY) {
  model = await modelOutcomes();
  rows.push(summarise('model', model));
  const sources = new Map<string, number>();
  for (const o of model) sources.set(o.note ?? '?', (sources.get(o.note ?? '?') ?? 0) + 1);
  console.log(`model path answers: ${[...sources].map(([note, count]) => `${note} ${count}`).join(', ')}`);
} else console.log('OPENAI_API_KEY is not set: the model path is skipped.');

console.log(`${requests.length} requests, ${requests.filter((r) => r.heldOut).length} held out`);
console.table(rows);
for (const o of [...fallback, ...model].filter((o) => !o.matched || !o.valid))
  console.log(`  ${o.valid ? 'intent miss' : 'INVALID'} ${o.note ?? 'fallback'} ${o.request.id}: ${o.request.prompt}`);
process.exitCode = fallback.every((o) => o.valid) ? 0 : 1;
