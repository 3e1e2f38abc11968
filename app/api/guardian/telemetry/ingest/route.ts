// POST /api/guardian/telemetry/ingest — browser telemetry batches (public, same-site only, size-capped, rate limited).
import { getDb } from '@/db';
import { checkOrigin } from '@/lib/api/check-origin';
import { rateLimitHeaders } from '@/lib/api/rate-limit';
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';
import { INGEST_MAX_BYTES, ingestTelemetry, ingestTelemetrySchema, limitIngest } from '@/lib/guardian/ingest-telemetry';

export const POST = withApi(
  { auth: 'public', body: ingestTelemetrySchema, maxBodyBytes: INGEST_MAX_BYTES },
  async ({ req, body, responseHeaders }) => {
    checkOrigin(req);
    const db = await getDb();
    const limit = await limitIngest(db, req);
    if (!limit.allowed) {
      Object.assign(responseHeaders, rateLimitHeaders(limit));
      throw new AppError('rate_limited', `Too many telemetry batches; try again in ${limit.retryAfterSeconds} s`);
    }
    return Response.json({ accepted: await ingestTelemetry(db, body) }, { status: 202 });
  },
);
