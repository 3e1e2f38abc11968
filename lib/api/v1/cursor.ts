// Opaque list cursors: the keyset of the last item on a page (e.g. its time and id), encoded so callers treat it as a
// token. A cursor that does not decode is the caller's input: 422 naming `cursor`.
import { AppError } from '@/lib/errors';
import { isStorableTime } from '../schemas';

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
  if (!valid)
    throw new AppError('validation_failed', 'The cursor is not valid; pass the nextCursor of the previous page', {
      issues: [{ path: 'cursor', message: 'Pass the nextCursor of the previous page', code: 'invalid_cursor' }],
    });
  return keyset as { [K in keyof T]: T[K] extends 'number' ? number : string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The usual keyset: a time and an id (newest first, ties broken by id). */
export function encodeTimeIdCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

export function decodeTimeIdCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  const keyset = decodeCursor(cursor, ['string', 'string'] as const);
  if (!keyset) return undefined;
  const at = new Date(keyset[0]);
  if (Number.isNaN(at.getTime()) || !isStorableTime(at.getTime()) || !UUID.test(keyset[1]))
    throw new AppError('validation_failed', 'The cursor is not valid; pass the nextCursor of the previous page', {
      issues: [{ path: 'cursor', message: 'Pass the nextCursor of the previous page', code: 'invalid_cursor' }],
    });
  return { at, id: keyset[1] };
}

/** A page from `limit + 1` fetched items: the first `limit`, and the cursor of the last one when more remain. */
export function toPage<T>(items: readonly T[], limit: number, cursorOf: (item: T) => string) {
  const data = items.slice(0, limit);
  return { data, nextCursor: items.length > limit ? cursorOf(data.at(-1)!) : null };
}
