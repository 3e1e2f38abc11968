// PATCH /api/members/:userId — change a member's role (owners); DELETE — remove a member (admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { changeMemberRole, changeMemberRoleSchema } from '@/lib/workspaces/change-member-role';
import { removeMember } from '@/lib/workspaces/remove-member';

export const PATCH = withApi({ auth: 'session', body: changeMemberRoleSchema }, async ({ scope, params, body }) =>
  Response.json(await changeMemberRole(await getDb(), scope, String(params.userId), body.role)),
);

export const DELETE = withApi({ auth: 'session' }, async ({ scope, params }) => {
  await removeMember(await getDb(), scope, String(params.userId));
  return new Response(null, { status: 204 });
});
