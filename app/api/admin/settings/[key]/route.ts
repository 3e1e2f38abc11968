// PUT /api/admin/settings/:key — change an operator setting (platform admins).
import { getDb } from '@/db';
import { setOpsSetting } from '@/lib/admin/ops-settings';
import { setOpsSettingSchema } from '@/lib/admin/schemas';
import { withApi } from '@/lib/api/with-api';

export const PUT = withApi({ auth: 'admin', body: setOpsSettingSchema }, async ({ userId, params, body }) =>
  Response.json(await setOpsSetting(await getDb(), userId, String(params.key), body.value)),
);
