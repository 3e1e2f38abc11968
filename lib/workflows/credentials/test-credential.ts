import 'server-only';
// Tests one of the workspace's connector credentials with a harmless real call (admins only). A failed check is a
// result with ok:false, never an error: only an unknown id is.
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { guardedFetch } from '@/lib/workflows/egress/guarded-fetch';
import { StepError } from '@/lib/workflows/steps/types';
import { type ConnectionTestResult, connectionProbes, type ProbeFetch } from './connection-probes';
import { getConnectorCredential } from './get-credential';
import type { ConnectorType } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEST_TIMEOUT_MS = 10_000;

const probeFetch: ProbeFetch = (url, init) =>
  guardedFetch(url, { ...init, timeoutMs: TEST_TIMEOUT_MS, maxResponseBytes: 64 * 1024 });

/** A StepError as a result, naming only the host: the URL itself may be the secret (Slack) or carry it (Telegram). */
function failure(error: unknown): ConnectionTestResult {
  const host = error instanceof StepError ? String(error.details?.host ?? '') : '';
  const code = error instanceof StepError ? error.code : 'error';
  if (code === 'credential_unreadable' && error instanceof StepError)
    return { ok: false, status: null, code: 'unreadable', message: error.message, params: {} };
  if (code === 'egress_refused')
    return {
      ok: false,
      status: null,
      code: 'egressRefused',
      message: `Levqor may not connect to ${host}`,
      params: { host },
    };
  if (code === 'timeout')
    return { ok: false, status: null, code: 'timeout', message: `${host} did not answer in time`, params: { host } };
  if (!host)
    return { ok: false, status: null, code: 'unreachableService', message: 'Could not reach the service', params: {} };
  return { ok: false, status: null, code: 'unreachable', message: `Could not reach ${host}`, params: { host } };
}

export async function testConnectorCredential(db: Db, scope: Scope, id: string): Promise<ConnectionTestResult> {
  requireRole(scope, 'admin');
  if (!UUID.test(id)) throw new AppError('not_found', 'Connection not found');
  const row = await db
    .selectFrom('connector_credentials')
    .select(['name', 'connector'])
    .where('id', '=', id)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Connection not found');
  const probe = connectionProbes[row.connector as ConnectorType];
  if (!probe) throw new AppError('validation_failed', `Connections of kind ${row.connector} cannot be tested`);
  try {
    const fields = await getConnectorCredential(db, scope.workspaceId, row.name, row.connector);
    return await probe(fields, probeFetch);
  } catch (error) {
    return failure(error);
  }
}
