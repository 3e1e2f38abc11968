import 'server-only';
// Browser telemetry intake: a validated batch becomes `web.*` rows in telemetry_logs. Nothing identifying is kept:
// no IP or user agent, paths reduced to their shape, emails and tokens masked, secret-named fields redacted.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { NewTelemetryLog } from '@/db/types';
import { clientAddress } from '@/lib/api/client-address';
import { consumeRateLimit, type RateLimitResult } from '@/lib/api/rate-limit';
import { getSecrets } from '@/lib/env';
import { scrub, scrubDeep } from '@/lib/logger';
import { normalizePath } from './normalize-path';

export const INGEST_MAX_BYTES = 16 * 1024;
export const ingestRateLimits = {
  perClient: { limit: 30, windowSeconds: 60 },
  global: { limit: 3_000, windowSeconds: 60 },
} as const;

const metaValue = z.union([z.string().max(200), z.number().finite(), z.boolean(), z.null()]);

export const telemetryEventSchema = z.strictObject({
  type: z.enum(['event', 'error', 'performance']),
  name: z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,79}$/i, 'letters, digits and . _ : - (at most 80)'),
  message: z.string().max(500).optional(),
  path: z.string().max(300).optional(),
  duration_ms: z.number().finite().min(0).max(600_000).optional(),
  meta: z
    .record(z.string().max(40), metaValue)
    .refine((meta) => Object.keys(meta).length <= 10, 'at most 10 fields')
    .optional(),
});

export const ingestTelemetrySchema = z.strictObject({ events: z.array(telemetryEventSchema).min(1).max(25) });

export type IngestTelemetryBody = z.infer<typeof ingestTelemetrySchema>;

/** The client's rate-limit key: a keyed hash of its address, so the address itself is never stored; null when unknown. */
export function clientKey(req: Request): string | null {
  const { ip } = clientAddress(req);
  return ip ? createHash('sha256').update(`${getSecrets().AUTH_SECRET}:${ip}`).digest('base64url').slice(0, 22) : null;
}

export async function limitIngest(db: Db, req: Request): Promise<RateLimitResult> {
  const key = clientKey(req);
  // NOTE: without a trusted proxy the address is unknown; one shared per-client bucket would let one browser starve all.
  if (key) {
    const client = await consumeRateLimit(db, `telemetry:${key}`, ingestRateLimits.perClient);
    if (!client.allowed) return client;
  }
  return consumeRateLimit(db, 'telemetry:all', ingestRateLimits.global);
}

export function toTelemetryRows(body: IngestTelemetryBody): NewTelemetryLog[] {
  return body.events.map((event) => ({
    level:
      event.type === 'error'
        ? 'error'
        : event.type === 'performance' && (event.duration_ms ?? 0) > 2_000
          ? 'warn'
          : 'info',
    kind: event.type,
    name: `web.${event.name}`,
    message: event.message ? scrub(event.message).slice(0, 500) : null,
    path: event.path ? normalizePath(event.path) : null,
    duration_ms: event.duration_ms ?? null,
    meta: JSON.stringify(scrubDeep({ ...(event.meta ?? {}), source: 'browser' })),
  }));
}

export async function ingestTelemetry(db: Db, body: IngestTelemetryBody): Promise<number> {
  const rows = toTelemetryRows(body);
  await db.insertInto('telemetry_logs').values(rows).execute();
  return rows.length;
}
