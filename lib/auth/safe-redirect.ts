// Where to go after sign-in: only same-site paths are followed (no open redirects), else the dashboard.
import { localizedPath } from '@/lib/i18n/urls';

/** `/dashboard` yes; `//evil.example` and `https://evil.example` no. */
export function isSameSitePath(target: string | null | undefined): target is string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//');
}

export function afterSignInPath(locale: string, callbackUrl?: string | null): string {
  return isSameSitePath(callbackUrl) ? callbackUrl : localizedPath(locale, '/dashboard');
}
