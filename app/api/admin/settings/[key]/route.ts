// PUT /api/admin/settings/:key — change an operator setting (platform admins).
import { z } from 'zod';
import { getDb } from '@/db';
import { setOpsSetting } from '@/lib/admin/ops-settings';
import { withApi } from '@/lib/api/with-api';

export const PUT = withApi(
  { auth: 'admin', body: z.object({ value: z.unknown() }) },
  async ({ userId, params, body }) =>
    Response.json(await setOpsSetting(await getDb(), userId, String(params.key), body.value)),
);
