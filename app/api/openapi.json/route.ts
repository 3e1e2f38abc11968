// GET /api/openapi.json — the OpenAPI 3.1 document of the public API (v1), generated from its zod schemas.
import { clientAddress } from '@/lib/api/client-address';
import { withApi } from '@/lib/api/with-api';
import { getEnv, isAppUrlConfigured } from '@/lib/env';
import { createApiDocument } from '@/lib/openapi/create-api-document';

// NOTE: the server is APP_URL when set; without it (development, a local `next start`) the host that was asked.
export const GET = withApi({ auth: 'public' }, ({ req }) => {
  const { protocol, host } = clientAddress(req);
  const serverUrl = isAppUrlConfigured() ? new URL(getEnv().APP_URL).origin : `${protocol}://${host}`;
  return Response.json(createApiDocument(serverUrl), {
    headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*', vary: 'host' },
  });
});
