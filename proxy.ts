// Proxy (Next 16's middleware): locale routing only. Authorisation happens where data is read.
import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Everything but API routes, Next internals, /.well-known and files with an extension.
  matcher: ['/((?!api|_next|_vercel|\\.well-known|.*\\..*).*)'],
};
