// Settings → Members: who is in the workspace, their roles, and pending invitations.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { InviteMemberForm } from '@/components/app/invite-member-form';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { pageTitle } from '@/lib/i18n/page-title';
import { listInvitations } from '@/lib/workspaces/list-invitations';
import { listMembers } from '@/lib/workspaces/list-members';

export const generateMetadata = pageTitle('app', 'membersPage.title');

export default async function MembersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/members');
  const db = await getDb();
  const canInvite = hasRole(scope, 'admin');
  const [t, format, members, invitations] = await Promise.all([
    getTranslations('app'),
    getFormatter(),
    listMembers(db, scope),
    canInvite ? listInvitations(db, scope) : Promise.resolve([]),
  ]);
  return (
    <div className="max-w-4xl">
      <h1 className="font-display text-3xl font-semibold">{t('membersPage.title')}</h1>
      <ul className="mt-8 divide-y divide-border rounded-card border border-border">
        {members.map((member) => (
          <li key={member.userId} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
            <span>
              <span className="font-medium">{member.name ?? member.email}</span>
              {member.userId === scope.userId ? (
                <span className="text-fg-subtle"> ({t('membersPage.you')})</span>
              ) : null}
              {member.name ? <span className="block text-fg-subtle">{member.email}</span> : null}
            </span>
            <span className="rounded-full bg-surface-raised px-2.5 py-1 text-xs text-fg-muted">
              {t(`role.${member.role}`)}
            </span>
          </li>
        ))}
      </ul>
      {canInvite ? (
        <>
          <InviteMemberForm />
          <h2 className="mt-10 text-lg font-semibold">{t('membersPage.pending')}</h2>
          {invitations.length === 0 ? (
            <div className="mt-3">
              <EmptyState title={t('membersPage.noPending')} testId="invitations-empty">
                {t('membersPage.noPendingBody')}
              </EmptyState>
            </div>
          ) : (
            <ul className="mt-3 divide-y divide-border rounded-card border border-border" data-testid="invitations">
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm"
                  data-testid="invitation-row"
                >
                  <span className="min-w-0 break-all">
                    {invitation.email} · {t(`role.${invitation.role}`)}
                  </span>
                  <span className="text-fg-subtle">
                    {t('membersPage.expiresAt', {
                      date: format.dateTime(invitation.expiresAt, { dateStyle: 'medium' }),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}
