// GET /api/me/profile — the signed-in user's profile; PATCH — change name, language or time zone.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getProfile } from '@/lib/profile/get-profile';
import { updateProfileSchema } from '@/lib/profile/schemas';
import { updateProfile } from '@/lib/profile/update-profile';

export const GET = withApi({ auth: 'session' }, async ({ scope }) =>
  Response.json({ profile: await getProfile(await getDb(), scope.userId ?? '') }),
);

export const PATCH = withApi({ auth: 'session', body: updateProfileSchema }, async ({ scope, body }) =>
  Response.json({ profile: await updateProfile(await getDb(), scope, body) }),
);
