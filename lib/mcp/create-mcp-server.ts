import 'server-only';
// The Levqor MCP server for one request: every tool, bound to the caller's database and API-key scope.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { assertStorableJson } from '@/lib/api/read-json-body';
import type { V1Operation } from '@/lib/api/v1/operation';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { API_VERSION } from '@/lib/openapi/create-api-document';
import type { OperationTool } from './operation-tool';
import { splitToolInput, toolInputSchema } from './tool-from-operation';
import { toolError, toolResult } from './tool-result';
import { mcpTools } from './tools';

export const MCP_SERVER_NAME = 'levqor';

const instructions =
  'Levqor runs automations (workflows: a trigger and steps) for a small business. Start with list_workflows, read one ' +
  'with describe_workflow, start it with trigger_run (wait up to 30 s for its result), and look into what happened ' +
  'with list_runs and get_run. Runs paused for a person show up in list_approvals; decide_approval needs an API key ' +
  'with the admin scope.';

/** What every tool call of one request acts with; `signal` aborts when the HTTP request goes away. */
export type McpRequestContext = { db: Db; scope: Scope; requestId?: string; signal?: AbortSignal };

export function createMcpServer(context: McpRequestContext): McpServer {
  const server = new McpServer(
    { name: MCP_SERVER_NAME, title: 'Levqor', version: API_VERSION },
    { capabilities: { tools: {} }, instructions },
  );
  for (const tool of mcpTools) registerOperationTool(server, tool, context);
  return server;
}

function registerOperationTool(
  server: McpServer,
  tool: OperationTool,
  { db, scope, requestId, signal }: McpRequestContext,
): void {
  const { operation } = tool;
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: inputSchemaOf(tool),
      outputSchema: successSchema(operation),
      annotations: { title: tool.title, ...tool.annotations },
    },
    async (args: Record<string, unknown>, extra) => {
      try {
        requireScope(scope, operation.scope, tool.action);
        // NOTE: as /api/v1 refuses a query or body Postgres could not store (NUL, lone surrogates), by its path.
        assertStorableJson(args);
        const input = splitToolInput(operation, args, tool.paramNames);
        const aborted = signal ? AbortSignal.any([signal, extra.signal]) : extra.signal;
        const result = await tool.call({ db, scope, signal: aborted }, input);
        // NOTE: a JSON round trip gives exactly what the v1 route answers (Dates as ISO strings, no undefined).
        const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
        return toolResult(json, tool.summarize(result));
      } catch (thrown) {
        return toolError(thrown, { tool: tool.name, requestId });
      }
    },
  );
}

const inputSchemas = new WeakMap<OperationTool, z.ZodObject>();

/** Built once per tool (a server is built per request). */
function inputSchemaOf(tool: OperationTool): z.ZodObject {
  let schema = inputSchemas.get(tool);
  if (!schema) inputSchemas.set(tool, (schema = toolInputSchema(tool.operation, tool.paramNames)));
  return schema;
}

/**
 * The schema of the operation's successful JSON answer, when it is an object (structured content must be). A copy
 * without the component id: MCP wants `type: object` at the root of an output schema, not a `$ref`.
 */
function successSchema(operation: V1Operation): z.ZodObject | undefined {
  const response = operation.responses[200] ?? operation.responses[201] ?? operation.responses[202];
  return response?.schema instanceof z.ZodObject ? z.object(response.schema.shape) : undefined;
}
