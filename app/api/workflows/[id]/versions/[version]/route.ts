// GET /api/workflows/:id/versions/:version — one version's definition (for diff).
import { getDb } from '@/db';
import { idParam, intParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { getVersion } from '@/lib/workflows/list-versions';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await getVersion(await getDb(), scope, idParam(params), intParam(params, 'version'))),
);
