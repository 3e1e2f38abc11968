// One error model: AppError(code, message, details?) and the code → HTTP status map.
import { ZodError } from 'zod';
import { issueFromZod } from '@/lib/i18n/zod-issue';

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_in_use: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  idempotency_key_reused: 422,
  limit_reached: 429,
  rate_limited: 429,
  internal_error: 500,
  not_configured: 503,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown; request_id?: string } };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/**
 * One problem with one field. `code` + `params` let the response layer translate `message` into the reader's
 * language (messages `validation.<code>`); `message` is the English text. A `warning` never blocks saving or enabling.
 */
export type FieldIssue = {
  path: string;
  message: string;
  code: string;
  params?: Record<string, string | number>;
  severity?: 'error' | 'warning';
};

/** zod issues as field paths a client can point at (`steps.2.config.url`). */
export function fieldIssues(error: ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => issueFromZod(issue, prefix));
}

/** Maps any thrown value onto the public error model; unknown errors never leak their message. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError)
    return new AppError('validation_failed', 'The request is not valid', { issues: fieldIssues(error) });
  return new AppError('internal_error', 'Something went wrong on our side');
}
