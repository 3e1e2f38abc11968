// POST /api/mcp — the MCP server (Streamable HTTP, stateless): tools over the same lib functions as /api/v1.
import { getDb } from '@/db';
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withApi } from '@/lib/api/with-api';
import { handleMcpRequest } from '@/lib/mcp/handle-mcp-request';

export const POST = withApi({ auth: 'apiKey' }, async ({ req, scope, requestId }) =>
  handleMcpRequest(req, { db: await getDb(), scope, requestId }),
);

// NOTE: a stateless server offers no SSE stream (GET) and no session to end (DELETE): 405, as the MCP spec allows.
export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
