// PUT /api/admin/flags/:key — turn a feature flag or kill switch on or off (platform admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { setFlag } from '@/lib/flags/set-flag';
import { setFlagSchema } from '@/lib/flags/schemas';

export const PUT = withApi({ auth: 'admin', body: setFlagSchema }, async ({ userId, params, body }) =>
  Response.json(await setFlag(await getDb(), userId, String(params.key), body.enabled)),
);
