// Reads a JSON request body with a size cap and clear errors for the wrong type or broken JSON.
import { AppError } from '@/lib/errors';

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
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes`, { max_bytes: maxBytes });
}
