// Settings → Workspace: the workspace's name and who may decide approvals (owners and admins change them).
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { WorkspaceSettingsForm } from '@/components/app/workspace-settings-form';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { pageTitle } from '@/lib/i18n/page-title';
import { getWorkspace } from '@/lib/workspaces/get-workspace';

export const generateMetadata = pageTitle('app', 'workspacePage.title');

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/workspace');
  const [t, workspace] = await Promise.all([getTranslations('app.workspacePage'), getWorkspace(await getDb(), scope)]);
  const canEdit = hasRole(scope, 'admin');
  return (
    <div className="max-w-2xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro')}</p>
      {canEdit ? (
        <WorkspaceSettingsForm name={workspace.name} approvers={workspace.approvers} />
      ) : (
        <dl className="mt-8 space-y-4 rounded-card border border-border p-5 text-sm">
          <div>
            <dt className="font-medium">{t('name')}</dt>
            <dd className="mt-1 break-words text-fg-muted" data-testid="workspace-name">
              {workspace.name}
            </dd>
          </div>
          <div>
            <dt className="font-medium">{t('approvers')}</dt>
            <dd className="mt-1 text-fg-muted">{t(`approversOption.${workspace.approvers}`)}</dd>
          </div>
          <p className="text-fg-subtle">{t('adminOnly')}</p>
        </dl>
      )}
    </div>
  );
}
