// GET /api/guardian/telemetry — telemetry of a window: traffic per endpoint, errors, events (platform admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { summarizeTelemetry } from '@/lib/guardian/telemetry-summary';
import { telemetryWindowQuerySchema } from '@/lib/guardian/schemas';

export const GET = withApi({ auth: 'admin', query: telemetryWindowQuerySchema }, async ({ query }) =>
  Response.json(await summarizeTelemetry(await getDb(), { windowMinutes: query.window_minutes })),
);
