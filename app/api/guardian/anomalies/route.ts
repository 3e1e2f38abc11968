// GET /api/guardian/anomalies — repeated errors, slow endpoints, error rate, 3-sigma spikes, job and heartbeat problems.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { findAnomalies } from '@/lib/guardian/find-anomalies';
import { telemetryWindowQuerySchema } from '@/lib/guardian/schemas';

export const GET = withApi({ auth: 'admin', query: telemetryWindowQuerySchema }, async ({ query }) =>
  Response.json(await findAnomalies(await getDb(), { windowMinutes: query.window_minutes })),
);
