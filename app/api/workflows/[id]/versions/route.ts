// GET /api/workflows/:id/versions — the version history, newest first.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { listVersions } from '@/lib/workflows/list-versions';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json({ versions: await listVersions(await getDb(), scope, idParam(params)) }),
);
