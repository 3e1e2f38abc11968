// GET /api/invitations — pending invitations; POST — invite someone by email (admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getEnv } from '@/lib/env';
import { inviteMember, inviteMemberSchema } from '@/lib/workspaces/invite-member';
import { listInvitations } from '@/lib/workspaces/list-invitations';

export const GET = withApi({ auth: 'session' }, async ({ scope }) =>
  Response.json({ data: await listInvitations(await getDb(), scope) }),
);

export const POST = withApi({ auth: 'session', body: inviteMemberSchema }, async ({ scope, body }) => {
  const { acceptUrl: _acceptUrl, ...invitation } = await inviteMember(await getDb(), scope, body, {
    appUrl: getEnv().APP_URL,
  });
  return Response.json(invitation, { status: 201 });
});
