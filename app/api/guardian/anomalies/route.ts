// GET /api/guardian/anomalies — repeated errors, slow endpoints, error rate, 3-sigma spikes, job and heartbeat problems.
import { z } from 'zod';
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { findAnomalies } from '@/lib/guardian/find-anomalies';

const querySchema = z.object({ window_minutes: z.coerce.number().int().min(5).max(10_080).default(60) });

export const GET = withApi({ auth: 'admin', query: querySchema }, async ({ query }) =>
  Response.json(await findAnomalies(await getDb(), { windowMinutes: query.window_minutes })),
);
