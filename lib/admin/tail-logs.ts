import 'server-only';
// The live logs tail: the newest telemetry rows after a cursor, optionally only warnings and errors.
import { z } from 'zod';
import { pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';

export const tailLogsQuerySchema = z.object({
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  level: z.enum(['all', 'warn', 'error']).default('all'),
  limit: pageLimit(200, 100),
});

export type LogLine = {
  id: string;
  level: 'info' | 'warn' | 'error';
  kind: string;
  name: string;
  message: string | null;
  path: string | null;
  status: number | null;
  durationMs: number | null;
  createdAt: string;
};

export async function tailLogs(
  db: Db,
  { after, level, limit }: z.infer<typeof tailLogsQuerySchema>,
): Promise<{ lines: LogLine[]; cursor: string | null }> {
  let query = db
    .selectFrom('telemetry_logs')
    .select(['id', 'level', 'kind', 'name', 'message', 'path', 'status', 'duration_ms', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit);
  if (after) query = query.where('id', '>', after);
  if (level === 'warn') query = query.where('level', 'in', ['warn', 'error']);
  if (level === 'error') query = query.where('level', '=', 'error');
  const rows = await query.execute();
  const lines = rows.map((row) => ({
    id: String(row.id),
    level: row.level,
    kind: row.kind,
    name: row.name,
    message: row.message,
    path: row.path,
    status: row.status,
    durationMs: row.duration_ms,
    createdAt: row.created_at.toISOString(),
  }));
  return { lines, cursor: lines[0]?.id ?? after ?? null };
}
