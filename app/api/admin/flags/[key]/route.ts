// PUT /api/admin/flags/:key — turn a feature flag or kill switch on or off (platform admins).
import { z } from 'zod';
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { setFlag } from '@/lib/flags/set-flag';

export const PUT = withApi(
  { auth: 'admin', body: z.object({ enabled: z.boolean() }) },
  async ({ userId, params, body }) =>
    Response.json(await setFlag(await getDb(), userId, String(params.key), body.enabled)),
);
