// GET /.well-known/security.txt — how to report a vulnerability (RFC 9116); expires a year from serving.
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export function GET() {
  const base = getEnv().APP_URL;
  const expires = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString();
  const body = [
    'Contact: mailto:security@levqor.io',
    `Expires: ${expires}`,
    'Preferred-Languages: en',
    `Canonical: ${new URL('/.well-known/security.txt', base)}`,
    '',
  ].join('\n');
  return new Response(body, {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
}
