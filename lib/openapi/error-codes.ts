// The documented list of error codes: what each means and what a caller should do. A test keeps it in step with
// lib/errors.ts.
import type { ErrorCode } from '@/lib/errors';

export const errorCodeDescriptions: Record<ErrorCode, string> = {
  bad_request: 'The request cannot be read (broken JSON, an empty body). Fix the request; do not retry it as is.',
  unauthorized: 'No API key, or one that is invalid, expired or revoked. Send `Authorization: Bearer lvq_live_…`.',
  payment_required: "The workspace's plan does not include this. Upgrade under Billing.",
  forbidden: 'The key lacks the scope (see `details.requiredScope`) or its creator lacks the role.',
  not_found: 'Nothing with this id in the workspace of the key (other workspaces are invisible), or no such path.',
  method_not_allowed: 'The path exists but not with this HTTP method.',
  conflict: 'The resource changed or is in a state that does not allow this (`details` says which). Read it again.',
  idempotency_key_in_use: 'A request with the same Idempotency-Key is still running. Retry after a second.',
  gone: 'The resource existed but has expired or been removed.',
  precondition_failed: 'If-Match names a version that is no longer current. GET the resource again and retry.',
  payload_too_large: 'The body is larger than the operation accepts.',
  unsupported_media_type: 'Send the body as JSON with `Content-Type: application/json`.',
  validation_failed: 'Some input is not valid; `details.issues` lists each problem with its field path.',
  idempotency_key_reused: 'This Idempotency-Key was used for a different request in the last 24 hours. Use a new key.',
  limit_reached: "A limit of the workspace's plan is reached (runs, workflows). Upgrade or wait for the next period.",
  rate_limited: 'Too many requests. Wait the seconds in `Retry-After`, then retry.',
  internal_error: 'Our fault, logged with the `request_id` in the body. Retry with backoff; quote the id to support.',
  not_configured: 'A service this needs is not configured on this installation (billing, email).',
  unavailable: 'A service is briefly unavailable. Retry with backoff.',
};
