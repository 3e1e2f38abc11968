import 'server-only';
// Idempotency-Key on creating POSTs: the first successful answer is stored for 24 hours and replayed to a repeat of the
// same request; the same key with a different request is refused, and a repeat while the first is still running waits.
import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { idempotencyKeyHeader } from './schemas';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A request still marked running after this long died with its process: a repeat may take the key over. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;
/** Headers of the first answer that a replay repeats. */
const KEPT_HEADERS = ['content-type', 'location', 'etag'];

export type IdempotentRequest = { workspaceId: string; key: string; operationId: string; requestHash: string };

/** The key from the header, checked: 422 naming the header when it is not 1–255 visible ASCII characters. */
export function readIdempotencyKey(headers: Headers): string | null {
  const value = headers.get('idempotency-key');
  if (value === null) return null;
  const parsed = idempotencyKeyHeader.safeParse(value);
  if (!parsed.success)
    throw new AppError('validation_failed', 'The Idempotency-Key header is not valid', {
      issues: [
        { path: 'headers.idempotency-key', message: 'Use 1–255 visible ASCII characters', code: 'invalid_string' },
      ],
    });
  return parsed.data;
}

export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/** Runs `perform` once per key: a stored success is replayed (with `Idempotent-Replayed: true`), anything else is not kept. */
export async function runIdempotently(
  db: Db,
  request: IdempotentRequest,
  perform: () => Promise<Response>,
  now = new Date(),
): Promise<Response> {
  const claimed = await claim(db, request, now);
  if (!claimed) return replay(db, request);
  let response: Response;
  try {
    response = await perform();
  } catch (thrown) {
    await release(db, request);
    throw thrown;
  }
  if (response.status < 200 || response.status >= 300) {
    await release(db, request);
    return response;
  }
  const body = await response.text();
  const headers = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])),
  );
  await db
    .updateTable('idempotency_keys')
    .set({
      status: 'done',
      response_status: response.status,
      response_body: body,
      response_headers: JSON.stringify(headers),
      completed_at: now,
    })
    .where('workspace_id', '=', request.workspaceId)
    .where('key', '=', request.key)
    .execute();
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Inserts the pending row; false when the key is already taken (and not expired or abandoned). */
async function claim(db: Db, request: IdempotentRequest, now: Date): Promise<boolean> {
  const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
  await db
    .deleteFrom('idempotency_keys')
    .where('workspace_id', '=', request.workspaceId)
    .where('key', '=', request.key)
    .where((eb) =>
      eb.or([
        eb('created_at', '<', expiredBefore),
        eb.and([eb('status', '=', 'pending'), eb('created_at', '<', abandonedBefore)]),
      ]),
    )
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      workspace_id: request.workspaceId,
      key: request.key,
      operation_id: request.operationId,
      request_hash: request.requestHash,
      status: 'pending',
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function replay(db: Db, request: IdempotentRequest): Promise<Response> {
  const stored = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('workspace_id', '=', request.workspaceId)
    .where('key', '=', request.key)
    .executeTakeFirst();
  // NOTE: the row went between our insert and this read (the first request failed): this one may go ahead next time.
  if (!stored) throw new AppError('idempotency_key_in_use', 'A request with this Idempotency-Key just finished; retry');
  if (stored.operation_id !== request.operationId || stored.request_hash !== request.requestHash)
    throw new AppError(
      'idempotency_key_reused',
      'This Idempotency-Key was used for a different request in the last 24 hours; use a new key',
    );
  if (stored.status === 'pending')
    throw new AppError('idempotency_key_in_use', 'A request with this Idempotency-Key is still running; retry shortly');
  const headers = new Headers(stored.response_headers ?? {});
  headers.set('idempotent-replayed', 'true');
  return new Response(stored.response_body, { status: stored.response_status ?? 200, headers });
}

async function release(db: Db, request: IdempotentRequest): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('workspace_id', '=', request.workspaceId)
    .where('key', '=', request.key)
    .where('status', '=', 'pending')
    .execute();
}

/** Forgets stored answers older than the 24-hour window; returns how many went. */
export async function pruneIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
