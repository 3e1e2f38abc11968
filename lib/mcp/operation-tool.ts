// One MCP tool built on a v1 operation: its input schema, scope and output schema come from the operation.
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { V1Operation } from '@/lib/api/v1/operation';
import type { Scope } from '@/lib/auth/scope';
import type { OperationInput, ParamNames } from './tool-from-operation';

/** What a tool call acts with: the database, the API key's scope, and the request's abort signal. */
export type ToolContext = { db: Db; scope: Scope; signal?: AbortSignal };

type Infer<S, Fallback> = S extends z.ZodType ? z.infer<S> : Fallback;

/** The operation's inputs as its route handler gets them, parsed. */
export type ToolInput<O extends V1Operation> = {
  params: Infer<O['params'], Record<string, never>>;
  query: Infer<O['query'], Record<string, never>>;
  body: Infer<O['body'], undefined>;
};

export type OperationTool = {
  /** snake_case: `list_workflows`. */
  name: string;
  title: string;
  /** What the tool does and when to use it, for a model choosing tools. */
  description: string;
  operation: V1Operation;
  /** Argument names for the operation's path parameters: `{ id: 'workflowId' }`. */
  paramNames?: ParamNames;
  /** What the call does, for the message when the key lacks the operation's scope: "deciding an approval". */
  action: string;
  annotations: ToolAnnotations;
  /** Calls the lib function the v1 route calls; returns what the route answers (its JSON body). */
  call: (ctx: ToolContext, input: OperationInput) => Promise<unknown>;
  /** A few lines for people and models reading the text content. */
  summarize: (result: unknown) => string;
};

/** Declares a tool; its input is typed by the operation and `summarize` by what `call` returns. */
export function defineOperationTool<const O extends V1Operation, R>(
  tool: Omit<OperationTool, 'operation' | 'call' | 'summarize'> & {
    operation: O;
    call: (ctx: ToolContext, input: ToolInput<O>) => Promise<R>;
    summarize: (result: R) => string;
  },
): OperationTool {
  return tool as unknown as OperationTool;
}
