// Reads a JSON request body with a size cap and clear errors for the wrong type, broken JSON, and what Postgres
// cannot store (too deep, NUL characters, lone surrogates): those are refused here, before any handler sees them.
import { AppError } from '@/lib/errors';
import { inspectJson, MAX_JSON_DEPTH, problemMessages } from './inspect-json';

const DEFAULT_MAX_BYTES = 1024 * 1024;

export async function readJsonBody(req: Request, maxBytes = DEFAULT_MAX_BYTES): Promise<unknown> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json)');
  }
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  if (text.trim() === '') throw new AppError('bad_request', 'The request body is empty; send a JSON document');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
  assertStorableJson(value);
  return value;
}

/** Throws the API error for a value Postgres could not store (see inspect-json.ts); `prefix` names where it came from. */
export function assertStorableJson(value: unknown, prefix?: string): void {
  const problem = inspectJson(value);
  if (!problem) return;
  const path = prefix ? (problem.path === '(root)' ? prefix : `${prefix}.${problem.path}`) : problem.path;
  if (problem.kind === 'depth') {
    throw new AppError('bad_request', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`, {
      max_depth: MAX_JSON_DEPTH,
      path,
    });
  }
  const message = `${path === '(root)' ? 'The value' : path} ${problemMessages[problem.kind]}`;
  throw new AppError('validation_failed', message, {
    issues: [{ path, message: problemMessages[problem.kind], code: `invalid_text_${problem.kind}` }],
  });
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes`, {
    max_bytes: maxBytes,
  });
}
