// A StepContext for step tests: guarded fetch with 127.0.0.1 allow-listed, credentials from a map, and a database when given.
import type { Db } from '@/db/client';
import { guardedFetch } from '@/lib/workflows/egress/guarded-fetch';
import { StepError, type StepContext } from '@/lib/workflows/steps/types';

type Credentials = Record<string, { connector: string; fields: Record<string, string> }>;

export function stepContext(
  options: { credentials?: Credentials; db?: Db; runId?: string; stepId?: string } = {},
): StepContext {
  const runId = options.runId ?? '6f1c2a7e-0000-4000-8000-000000000001';
  const stepId = options.stepId ?? 'notify';
  return {
    workspaceId: '6f1c2a7e-0000-4000-8000-0000000000aa',
    workflowId: '6f1c2a7e-0000-4000-8000-0000000000bb',
    runId,
    stepId,
    attempt: 1,
    idempotencyKey: `${runId}:${stepId}`,
    data: {
      trigger: { type: 'manual', payload: {} },
      steps: {},
      run: { id: runId, workflowId: '6f1c2a7e-0000-4000-8000-0000000000bb' },
    },
    signal: AbortSignal.timeout(20_000),
    services: {
      db: options.db ?? (null as unknown as Db),
      now: () => new Date('2026-11-23T12:00:00Z'),
      fetch: (url, init) => guardedFetch(url, init, { allowlist: ['127.0.0.1'] }),
      credential: async (name, connector) => {
        const found = options.credentials?.[name];
        if (!found || found.connector !== connector)
          throw new StepError('credential_missing', `No ${connector} credential named "${name}"`, false);
        return found.fields;
      },
    },
  };
}
