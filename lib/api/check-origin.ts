// CSRF defence for cookie-authenticated, state-changing requests: refuse cross-site origins.
import { AppError } from '@/lib/errors';
import { clientAddress } from './client-address';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `trustedProxy` (default TRUSTED_PROXY) decides whether X-Forwarded-Host may name the host. */
export function checkOrigin(req: Request, trustedProxy?: boolean): void {
  if (SAFE_METHODS.has(req.method)) return;
  if (req.headers.get('sec-fetch-site') === 'cross-site') throw crossSite();
  const origin = req.headers.get('origin');
  if (!origin) return;
  const { host } = clientAddress(req, trustedProxy);
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossSite();
  }
  if (originHost !== host) throw crossSite();
}

const crossSite = () => new AppError('forbidden', 'Cross-site requests are not allowed');
