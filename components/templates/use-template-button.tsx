'use client';
// "Use this template": a button that copies the template when the visitor is signed in, else a link to sign in first.
// The page is static, so the session is asked for in the browser.
import { useActionState, useEffect, useState } from 'react';
import { useTemplateAction, type UseTemplateState } from '@/app/[locale]/(site)/templates/[slug]/actions';
import { Link } from '@/lib/i18n/navigation';
import { localizedPath } from '@/lib/i18n/urls';

type Props = {
  slug: string;
  locale: string;
  labels: { use: string; using: string; signIn: string; errors: Record<'forbidden' | 'limit' | 'generic', string> };
};

const buttonClass =
  'inline-flex items-center justify-center rounded-xl bg-brand-gradient px-6 py-3 font-semibold text-slate-950 shadow-lg shadow-brand/20 hover:opacity-90 disabled:cursor-wait disabled:opacity-70';

export function UseTemplateButton({ slug, locale, labels }: Props) {
  const [signedIn, setSignedIn] = useState(false);
  const [state, formAction, pending] = useActionState<UseTemplateState, FormData>(useTemplateAction, null);

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/auth/session', { signal: controller.signal, cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: unknown } | null) => setSignedIn(Boolean(session?.user)))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  if (!signedIn) {
    return (
      <Link
        href={{ pathname: '/signin', query: { callbackUrl: localizedPath(locale, `/templates/${slug}`) } }}
        className={buttonClass}
        data-testid="use-template-signin"
      >
        {labels.signIn}
      </Link>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className={buttonClass} disabled={pending} aria-busy={pending} data-testid="use-template">
        {pending ? labels.using : labels.use}
      </button>
      {state?.ok === false ? (
        <p role="alert" className="rounded-lg border border-danger/40 bg-danger/10 px-4 py-3 text-sm text-danger">
          {labels.errors[state.error]}
        </p>
      ) : null}
    </form>
  );
}
