// The page an approval email links to (/approvals/<id>?token=…): the signed token lets anyone holding the link decide
// without a session; without a token it needs a signed-in owner or admin of the workspace. Never indexed.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ApprovalCard } from '@/components/approvals/approval-card';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { Link } from '@/lib/i18n/navigation';
import { getApprovalByLink } from '@/lib/workflows/approvals/get-approval-by-link';
import { getApproval } from '@/lib/workflows/approvals/list-approvals';
import { pageId } from '@/lib/workflows/page-params';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations('approvals'))('linkTitle'),
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

export default async function ApprovalLinkPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const id = pageId(rawId);
  const { token: rawToken } = await searchParams;
  const token = Array.isArray(rawToken) ? rawToken[0] : rawToken;
  const [t, db] = await Promise.all([getTranslations('approvals'), getDb()]);

  let body;
  if (token) {
    const approval = await getApprovalByLink(db, id, token);
    body = approval ? (
      <ApprovalCard approval={approval} canDecide token={token} linkToRun={false} />
    ) : (
      <p role="alert" className="mt-6 text-danger">
        {t('linkInvalid')}
      </p>
    );
  } else {
    const scope = await requireSessionScope(locale, `/approvals/${id}`);
    const approval = await getApproval(db, scope, id);
    body = approval ? (
      <ApprovalCard approval={approval} canDecide={hasRole(scope, 'admin')} />
    ) : (
      <p role="alert" className="mt-6 text-danger">
        {t('notFound')}
      </p>
    );
  }
  return (
    <section className="mx-auto w-full max-w-2xl px-4 py-12">
      <h1 className="font-display text-3xl font-semibold">{t('linkTitle')}</h1>
      <p className="mt-2 text-fg-muted">{token ? t('linkIntro') : t('intro')}</p>
      <div className="mt-6">{body}</div>
      <p className="mt-8 text-sm">
        <Link href="/approvals" className="text-brand-accent underline underline-offset-4">
          {t('toInbox')}
        </Link>
      </p>
    </section>
  );
}
