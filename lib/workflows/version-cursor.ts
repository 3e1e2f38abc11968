// The /api/v1 cursor of a workflow's versions: the last version number shown (workflow lists use the precise
// time-and-id keyset of lib/api/v1/cursor.ts).
import { decodeCursor, encodeCursor, invalidCursor } from '@/lib/api/v1/cursor';
import { INT32_MAX } from '@/lib/api/schemas';

/** The versions list's cursor: the last version number shown. */
export const encodeVersionCursor = (version: number) => encodeCursor([version]);

export function decodeVersionCursor(cursor: string | undefined): number | undefined {
  const keyset = decodeCursor(cursor, ['number'] as const);
  if (!keyset) return undefined;
  const [version] = keyset;
  if (!Number.isInteger(version) || version < 1 || version > INT32_MAX) throw invalidCursor();
  return version;
}
