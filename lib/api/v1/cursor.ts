// Opaque list cursors: the keyset of the last item on a page (e.g. its time and id), encoded so callers treat it as a
// token. A cursor that does not decode is the caller's input: 422 naming `cursor`.
import { sql } from 'kysely';
import { AppError } from '@/lib/errors';
import { isStorableTime } from '../schemas';

/** The 422 for a cursor this API did not issue, naming the field. */
export function invalidCursor(): AppError {
  return new AppError('validation_failed', 'The cursor is not valid; pass the nextCursor of the previous page', {
    issues: [{ path: 'cursor', message: 'Pass the nextCursor of the previous page', code: 'invalid_cursor' }],
  });
}

export function encodeCursor(keyset: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keyset)).toString('base64url');
}

/** The keyset of `cursor`, or undefined when none was sent; `shape` checks each part's type. */
export function decodeCursor<const T extends readonly ('string' | 'number')[]>(
  cursor: string | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } | undefined {
  if (cursor === undefined) return undefined;
  let keyset: unknown;
  try {
    keyset = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    keyset = null;
  }
  const valid =
    Array.isArray(keyset) &&
    keyset.length === shape.length &&
    keyset.every((part, index) => typeof part === shape[index] && (typeof part !== 'string' || part.length < 200));
  if (!valid) throw invalidCursor();
  return keyset as { [K in keyof T]: T[K] extends 'number' ? number : string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A keyset of a time and an id, for columns that hold whole milliseconds (as a Date does). A `timestamptz` filled by
 * `now()` holds microseconds: use the precise keyset below for it, or rows changed in the same millisecond are skipped.
 */
export function encodeTimeIdCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

export function decodeTimeIdCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  const keyset = decodeCursor(cursor, ['string', 'string'] as const);
  if (!keyset) return undefined;
  const at = new Date(keyset[0]);
  if (Number.isNaN(at.getTime()) || !isStorableTime(at.getTime()) || !UUID.test(keyset[1])) throw invalidCursor();
  return { at, id: keyset[1] };
}

const PRECISE_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** SQL: a `timestamptz` column as exact UTC text, to the microsecond Postgres keeps (`2026-12-03T09:30:00.123456Z`). */
export const preciseTime = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The keyset of a cursor made by `preciseTimeIdPage` (undefined when none was sent); anything else is a 422. */
export function decodePreciseTimeIdCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const keyset = decodeCursor(cursor, ['string', 'string'] as const);
  if (!keyset) return undefined;
  const [at, id] = keyset;
  if (!PRECISE_UTC.test(at) || !isStorableTime(Date.parse(at)) || !UUID.test(id)) throw invalidCursor();
  return { at, id };
}

/** A page from `limit + 1` rows carrying their precise `keysetAt` (see `preciseTime`), which stays out of the answer. */
export function preciseTimeIdPage<T extends { id: string; keysetAt: string }>(rows: readonly T[], limit: number) {
  const page = toPage(rows, limit, (row) => encodeCursor([row.keysetAt, row.id]));
  return {
    data: page.data.map(({ keysetAt: _keysetAt, ...item }) => item as Omit<T, 'keysetAt'>),
    nextCursor: page.nextCursor,
  };
}

/** A page from `limit + 1` fetched items: the first `limit`, and the cursor of the last one when more remain. */
export function toPage<T>(items: readonly T[], limit: number, cursorOf: (item: T) => string) {
  const data = items.slice(0, limit);
  return { data, nextCursor: items.length > limit ? cursorOf(data.at(-1)!) : null };
}
