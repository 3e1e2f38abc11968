'use server';
// Sign-in server actions: magic link, operator login and OAuth. Auth.js redirects on success.
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/auth';
import { afterSignInPath } from '@/lib/auth/safe-redirect';
import { magicLinkSchema, oauthProviderSchema } from '@/lib/auth/schemas';
import { localizedPath } from '@/lib/i18n/urls';

function failed(locale: string, error: string, callbackUrl?: string): never {
  const query = new URLSearchParams({ error, ...(callbackUrl ? { callbackUrl } : {}) });
  redirect(`${localizedPath(locale, '/signin')}?${query}`);
}

async function attempt(locale: string, callbackUrl: string | undefined, run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the success redirect is thrown too, and must pass through
    const code =
      error.type === 'CredentialsSignin'
        ? 'credentials'
        : /rate|too many/i.test(String(error.cause?.err?.message ?? ''))
          ? 'rateLimited'
          : 'generic';
    failed(locale, code, callbackUrl);
  }
}

export async function requestMagicLinkAction(formData: FormData) {
  const parsed = magicLinkSchema.safeParse(Object.fromEntries(formData));
  const locale = String(formData.get('locale') ?? 'en');
  if (!parsed.success) failed(locale, 'invalidEmail');
  const { email, callbackUrl } = parsed.data;
  await attempt(locale, callbackUrl, () =>
    signIn('resend', { email: email.toLowerCase(), redirectTo: afterSignInPath(locale, callbackUrl), redirect: false }),
  );
  redirect(localizedPath(locale, '/signin/check-email'));
}

export async function adminSignInAction(formData: FormData) {
  const locale = String(formData.get('locale') ?? 'en');
  const callbackUrl = formData.get('callbackUrl')?.toString() || undefined;
  await attempt(locale, callbackUrl, () =>
    signIn('admin', {
      email: formData.get('email'),
      password: formData.get('password'),
      redirectTo: afterSignInPath(locale, callbackUrl),
    }),
  );
}

export async function oauthSignInAction(formData: FormData) {
  const locale = String(formData.get('locale') ?? 'en');
  const provider = oauthProviderSchema.parse(formData.get('provider'));
  const callbackUrl = formData.get('callbackUrl')?.toString() || undefined;
  await attempt(locale, callbackUrl, () => signIn(provider, { redirectTo: afterSignInPath(locale, callbackUrl) }));
}
