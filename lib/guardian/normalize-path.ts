// Turns a request path into its endpoint shape: ids and tokens become placeholders, so timings group per endpoint
// and no webhook token or other secret in a URL is ever stored.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
const MAX_PATH_LENGTH = 200;
const CACHE_LIMIT = 2_000;

const cache = new Map<string, string>();

function normalizeSegment(segment: string): string {
  if (segment === '') return segment;
  if (UUID.test(segment) || NUMBER.test(segment)) return ':id';
  // Long or mixed letter-and-digit segments are ids or tokens (webhook secrets, API keys, magic-link tokens).
  if (segment.length >= 24 || (segment.length >= 12 && /\d/.test(segment) && /[a-z]/i.test(segment))) return ':token';
  return segment;
}

/** `/api/workflows/0b6f…/runs?x=1` → `/api/workflows/:id/runs`. */
export function normalizePath(raw: string): string {
  const cached = cache.get(raw);
  if (cached !== undefined) return cached;
  const pathname = raw.split(/[?#]/, 1)[0] ?? '';
  const normalized = (pathname.split('/').map(normalizeSegment).join('/') || '/').slice(0, MAX_PATH_LENGTH);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, normalized);
  return normalized;
}
