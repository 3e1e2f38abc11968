// GET /api/openapi.json — the OpenAPI 3.1 document of the public API (v1), generated from its zod schemas.
import { withApi } from '@/lib/api/with-api';
import { getEnv } from '@/lib/env';
import { createApiDocument } from '@/lib/openapi/create-api-document';

export const GET = withApi({ auth: 'public' }, () =>
  Response.json(createApiDocument(new URL(getEnv().APP_URL).origin), {
    headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' },
  }),
);
