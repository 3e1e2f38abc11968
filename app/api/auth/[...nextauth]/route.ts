// Auth.js endpoints (sign-in, callbacks, sign-out, session) — classified "auth" in the route inventory.
import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { getEnv } from '@/lib/env';

type Handler = (req: NextRequest) => Promise<Response>;

/** Auth.js resolves some redirects against the internal request origin; point them at the public one (APP_URL). */
function onPublicOrigin(handler: Handler): Handler {
  return async (req) => {
    const response = await handler(req);
    const location = response.headers.get('location');
    const publicOrigin = new URL(getEnv().APP_URL).origin;
    if (!location?.startsWith(req.nextUrl.origin) || req.nextUrl.origin === publicOrigin) return response;
    const headers = new Headers(response.headers);
    headers.set('location', publicOrigin + location.slice(req.nextUrl.origin.length));
    return new Response(response.body, { status: response.status, headers });
  };
}

export const GET = onPublicOrigin(handlers.GET);
export const POST = onPublicOrigin(handlers.POST);
