// GET /api/runs/live-state — runs working now and how recent ones ended (the dashboard's Living Canvas polls it).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getLiveRunState } from '@/lib/workflows/runs/get-live-state';

export const GET = withApi({ auth: 'session' }, async ({ scope }) =>
  Response.json(await getLiveRunState(await getDb(), scope), { headers: { 'cache-control': 'private, no-store' } }),
);
