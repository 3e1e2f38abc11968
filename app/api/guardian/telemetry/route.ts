// GET /api/guardian/telemetry — telemetry of a window: traffic per endpoint, errors, events (platform admins).
import { z } from 'zod';
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { summarizeTelemetry } from '@/lib/guardian/telemetry-summary';

const querySchema = z.object({ window_minutes: z.coerce.number().int().min(5).max(10_080).default(60) });

export const GET = withApi({ auth: 'admin', query: querySchema }, async ({ query }) =>
  Response.json(await summarizeTelemetry(await getDb(), { windowMinutes: query.window_minutes })),
);
