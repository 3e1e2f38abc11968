// POST /api/me/sessions/revoke — sign out of all devices: every session of the caller ends, this one included.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import { AppError } from '@/lib/errors';

export const POST = withApi({ auth: 'session' }, async ({ userId }) => {
  if (!userId) throw new AppError('unauthorized', 'Sign in to continue');
  await signOutEverywhere(await getDb(), userId);
  return Response.json({ revoked: 'all' });
});
