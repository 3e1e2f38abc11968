// An MCP tool's input is its v1 operation's inputs in one object: path parameters, query and body, by the same schemas.
import { z } from 'zod';
import type { V1Operation } from '@/lib/api/v1/operation';

type Part = 'params' | 'query' | 'body';

/** Tool argument names for path parameters, where the path's own name says too little: `{ id: 'workflowId' }`. */
export type ParamNames = Readonly<Record<string, string>>;

type Field = { part: Part; name: string; argument: string; schema: z.ZodType };

/** Every input field of an operation with the tool argument it becomes. A body that is not an object is `body`. */
function inputFields(operation: V1Operation, paramNames: ParamNames = {}): Field[] {
  const fields: Field[] = [];
  const add = (part: Part, shape: z.ZodRawShape, rename: ParamNames = {}) => {
    for (const [name, schema] of Object.entries(shape))
      fields.push({ part, name, argument: rename[name] ?? name, schema: schema as z.ZodType });
  };
  if (operation.params) add('params', operation.params.shape, paramNames);
  if (operation.query) add('query', operation.query.shape);
  if (operation.body)
    add('body', operation.body instanceof z.ZodObject ? operation.body.shape : { body: operation.body });
  return fields;
}

/** The object-level checks (refinements such as "`to` not before `from`") of the operation's input objects. */
function objectChecks(operation: V1Operation): z.core.$ZodCheck<Record<string, unknown>>[] {
  return [operation.params, operation.query, operation.body]
    .filter((schema): schema is z.ZodObject => schema instanceof z.ZodObject)
    .flatMap((schema) => (schema.def.checks ?? []) as z.core.$ZodCheck<Record<string, unknown>>[]);
}

/**
 * The tool's input schema: the operation's path parameters, query fields and body fields side by side, each by its
 * own schema, with the input objects' own checks. Unknown arguments are refused when the body refuses unknown fields.
 * A name used by two inputs is a declaration error.
 */
export function toolInputSchema(operation: V1Operation, paramNames?: ParamNames): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const field of inputFields(operation, paramNames)) {
    if (field.argument in shape)
      throw new Error(`${operation.operationId}: the input "${field.argument}" appears twice; rename a parameter`);
    shape[field.argument] = field.schema;
  }
  const catchall = operation.body instanceof z.ZodObject ? operation.body.def.catchall : undefined;
  const merged = catchall ? z.object(shape).catchall(catchall) : z.object(shape);
  const checks = objectChecks(operation);
  return checks.length > 0 ? merged.check(...checks) : merged;
}

export type OperationInput = {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
};

/** Splits tool arguments (parsed by `toolInputSchema`) back into what the route's handler gets. */
export function splitToolInput(
  operation: V1Operation,
  args: Record<string, unknown>,
  paramNames?: ParamNames,
): OperationInput {
  const input: OperationInput = { params: {}, query: {}, body: undefined };
  const body: Record<string, unknown> = {};
  for (const field of inputFields(operation, paramNames)) {
    if (!(field.argument in args)) continue;
    if (field.part === 'body') body[field.name] = args[field.argument];
    else input[field.part][field.name] = args[field.argument];
  }
  if (operation.body) input.body = operation.body instanceof z.ZodObject ? body : body.body;
  return input;
}
