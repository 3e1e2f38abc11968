import 'server-only';
// The visitor's country for regional pricing, from Vercel's edge header.
import { getEnv } from '@/lib/env';

// NOTE: only Vercel's edge sets (and overwrites) x-vercel-ip-country; a production server elsewhere would trust a
// header any client can send, so there the default region applies (the visitor can still pick a currency).
export function visitorCountry(headers: Headers): string | null {
  const env = getEnv();
  if (env.isProduction && !env.VERCEL) return null;
  return headers.get('x-vercel-ip-country');
}
