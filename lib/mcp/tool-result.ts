// Tool results: the v1 JSON as structuredContent with a short summary; errors as isError results in the v1 error model.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ErrorBody } from '@/lib/errors';
import { toAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';

/** A successful result: `json` is exactly what the v1 route answers (Dates as ISO strings). */
export function toolResult(json: Record<string, unknown>, summary: string): CallToolResult {
  return {
    structuredContent: json,
    content: [
      { type: 'text', text: summary },
      { type: 'text', text: JSON.stringify(json) },
    ],
  };
}

/**
 * A failed call as the model sees it: `isError` with the v1 error body (code, message, details) as JSON text. An
 * AppError keeps its code; anything else is logged and becomes `internal_error` without leaking its message.
 */
export function toolError(thrown: unknown, context: { tool: string; requestId?: string }): CallToolResult {
  const error = toAppError(thrown);
  if (error.code === 'internal_error')
    logger.error({ err: thrown, tool: context.tool, request_id: context.requestId }, 'unhandled error in MCP tool');
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  if (error.code === 'internal_error' && context.requestId) body.error.request_id = context.requestId;
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(body) }] };
}
