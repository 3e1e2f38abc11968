import 'server-only';
// The template library a page at a time (the public API): the same list as the gallery, with an opaque cursor.
import type { Db } from '@/db/client';
import { decodeCursor, encodeCursor } from '@/lib/api/v1/cursor';
import { AppError } from '@/lib/errors';
import { listTemplates } from './list-templates';
import type { ListTemplatesV1Query } from './schemas';
import type { TemplateSummaryDto } from './template-dto';

export type TemplatePage = { data: TemplateSummaryDto[]; nextCursor: string | null };

export async function listTemplatesPage(
  db: Db,
  { cursor, limit, ...filters }: ListTemplatesV1Query,
): Promise<TemplatePage> {
  // NOTE: the library is a short, fixed-order list (built-in, then shared by use), so the cursor is a position in it.
  const start = decodeCursor(cursor, ['number'] as const)?.[0] ?? 0;
  if (!Number.isSafeInteger(start) || start < 0)
    throw new AppError('validation_failed', 'The cursor is not valid; pass the nextCursor of the previous page', {
      issues: [{ path: 'cursor', message: 'Pass the nextCursor of the previous page', code: 'invalid_cursor' }],
    });
  const templates = await listTemplates(db, filters);
  const end = start + limit;
  return { data: templates.slice(start, end), nextCursor: end < templates.length ? encodeCursor([end]) : null };
}
