// DELETE /api/invitations/:id — revoke a pending invitation (admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { revokeInvitation } from '@/lib/workspaces/revoke-invitation';

export const DELETE = withApi({ auth: 'session' }, async ({ scope, params }) =>
  Response.json(await revokeInvitation(await getDb(), scope, String(params.id))),
);
