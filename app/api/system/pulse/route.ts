// GET /api/system/pulse — liveness: answers without touching any dependency.
import { withApi } from '@/lib/api/with-api';

export const dynamic = 'force-dynamic';

export const GET = withApi({ auth: 'public' }, () =>
  Response.json({ alive: true }, { headers: { 'cache-control': 'no-store' } }),
);
