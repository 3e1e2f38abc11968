import 'server-only';
// Answers one MCP Streamable HTTP request statelessly: a new server and transport per request, JSON answers, no session.
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { createMcpServer } from './create-mcp-server';

/** The largest JSON-RPC body accepted, as for /api/v1. */
const MAX_MCP_BODY_BYTES = 1024 * 1024;

export async function handleMcpRequest(
  req: Request,
  { db, scope, requestId }: { db: Db; scope: Scope; requestId: string },
): Promise<Response> {
  const server = createMcpServer({ db, scope, requestId, signal: req.signal });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_MCP_BODY_BYTES,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(req);
  } finally {
    await server.close();
  }
}
