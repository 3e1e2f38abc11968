// zod schemas of the guardian and heartbeat routes.
import { z } from 'zod';

/** GET /api/admin/heartbeats: how many minutes of per-minute history (1 minute to 1 day). */
export const heartbeatHistoryQuerySchema = z.object({ minutes: z.coerce.number().int().min(1).max(1_440).default(60) });

/** GET /api/guardian/telemetry and /anomalies: the window looked at, 5 minutes to 7 days. */
export const telemetryWindowQuerySchema = z.object({
  window_minutes: z.coerce.number().int().min(5).max(10_080).default(60),
});
