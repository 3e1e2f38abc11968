// Proxy (Next 16's middleware): locale routing, and a coarse redirect to sign-in for private pages without a
// session cookie. Real authorisation happens again where data is read (layouts, lib/, route handlers).
import { hasLocale } from 'next-intl';
import createMiddleware from 'next-intl/middleware';
import { type NextRequest, NextResponse } from 'next/server';
import { routing } from './lib/i18n/routing';
import { localizedPath } from './lib/i18n/urls';

const intl = createMiddleware(routing);

const PRIVATE_PATH = /^\/(dashboard|settings|workflows|runs|approvals|failure-queue|backups|billing|admin)(\/|$)/;
/** An emailed approval link carries a signed token that stands in for a session (the page checks it). */
const APPROVAL_LINK_PATH = /^\/approvals\/[0-9a-f-]{36}$/i;
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const [, first = ''] = pathname.split('/');
  const locale = hasLocale(routing.locales, first) ? first : routing.defaultLocale;
  const rest = locale === first ? pathname.slice(first.length + 1) || '/' : pathname;
  const signedIn = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  const viaApprovalLink = APPROVAL_LINK_PATH.test(rest) && request.nextUrl.searchParams.has('token');
  if (PRIVATE_PATH.test(rest) && !signedIn && !viaApprovalLink) {
    const target = new URL(localizedPath(locale, '/signin'), request.url);
    target.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(target);
  }
  return intl(request);
}

export const config = {
  // Everything but API routes, Next internals, /.well-known and files with an extension.
  matcher: ['/((?!api|_next|_vercel|\\.well-known|.*\\..*).*)'],
};
