import 'server-only';
// Admins invite someone by email: a 7-day single-use link is emailed, only its hash is stored.
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertWithinLimit } from '@/lib/billing/assert-within-limit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { sendEmail } from '@/lib/email/send-email';
import { AppError } from '@/lib/errors';
import { inTransaction } from './in-transaction';
import {
  createInvitationToken,
  INVITATION_TTL_DAYS,
  invitationColumns,
  type InvitationDto,
  toInvitationDto,
} from './invitation-dto';
import { addDays } from './lifecycle';
import { assertWorkspaceActive } from './list-workspaces';

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address')),
  role: z.enum(['admin', 'member']).default('member'),
});
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export async function inviteMember(
  db: Db,
  scope: Scope,
  input: InviteMemberInput,
  options: { appUrl: string; now?: Date },
): Promise<InvitationDto & { acceptUrl: string }> {
  requireRole(scope, 'admin');
  const { email, role } = inviteMemberSchema.parse(input);
  const now = options.now ?? new Date();
  const { token, tokenHash } = createInvitationToken();
  const { invitation, workspaceName, inviterName } = await inTransaction(db, async (trx) => {
    await assertWorkspaceActive(trx, scope.workspaceId);
    const member = await trx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.id')
      .where('memberships.workspace_id', '=', scope.workspaceId)
      .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email))
      .executeTakeFirst();
    if (member) throw new AppError('conflict', 'That person is already a member of this workspace');
    // A new invitation replaces any pending one for the same address, so only the latest link works.
    await trx
      .updateTable('invitations')
      .set({ revoked_at: now })
      .where('workspace_id', '=', scope.workspaceId)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx.selectFrom('workspaces').select('id').where('id', '=', scope.workspaceId).forUpdate().executeTakeFirst();
    await assertWithinLimit(trx, scope.workspaceId, 'seats', { adding: 1, now });
    const row = await trx
      .insertInto('invitations')
      .values({
        workspace_id: scope.workspaceId,
        email,
        role,
        token_hash: tokenHash,
        invited_by: scope.userId,
        expires_at: addDays(now, INVITATION_TTL_DAYS),
      })
      .returning(invitationColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'member.invited',
      targetType: 'invitation',
      targetId: row.id,
      meta: { email, role },
    });
    const workspace = await trx
      .selectFrom('workspaces')
      .select('name')
      .where('id', '=', scope.workspaceId)
      .executeTakeFirstOrThrow();
    const inviter = scope.userId
      ? await trx.selectFrom('users').select(['name', 'email']).where('id', '=', scope.userId).executeTakeFirst()
      : undefined;
    return {
      invitation: toInvitationDto(row),
      workspaceName: workspace.name,
      inviterName: inviter ? inviter.name || inviter.email : null,
    };
  });

  const acceptUrl = `${options.appUrl.replace(/\/+$/, '')}/invite/${token}`;
  const workspaceLabel = workspaceName.replace(/[\r\n]+/g, ' ');
  await sendEmail(db, {
    to: email,
    subject: `You're invited to join ${workspaceLabel} on Levqor`,
    text: [
      `${inviterName ? `${inviterName} has invited you` : 'You have been invited'} to join ${workspaceLabel} on Levqor as ${role === 'admin' ? 'an admin' : 'a member'}.`,
      '',
      `Accept the invitation: ${acceptUrl}`,
      '',
      `The link works once and expires in ${INVITATION_TTL_DAYS} days. If you did not expect it, you can ignore this email.`,
    ].join('\n'),
    kind: 'invitation',
  });
  return { ...invitation, acceptUrl };
}
