// The conventions of the public API, written once: the document's description (and so the docs page) says them.
import { errorCodeDescriptions } from './error-codes';

export function apiDescription(): string {
  const codes = Object.entries(errorCodeDescriptions)
    .map(([code, meaning]) => `| \`${code}\` | ${meaning} |`)
    .join('\n');
  return `Drive Levqor from your own code: workflows, runs, approvals, the failure queue, templates, backups, connections and event webhooks.

## Conventions

- **Authentication**: an API key from Settings → API keys, sent as \`Authorization: Bearer lvq_live_…\`. A key has the scopes \`read\`, \`write\` and/or \`admin\` and acts as the member who created it, never above that member's role.
- **JSON**: request and response bodies are JSON with camelCase names. Times are ISO 8601 in UTC (\`2026-12-03T09:30:00.000Z\`).
- **Lists** are pages: \`{ "data": [...], "nextCursor": "..." }\`. Pass \`nextCursor\` back as \`cursor\` for the next page; it is \`null\` on the last page. \`limit\` sets the page size (1–100, default 50).
- **Idempotency**: every POST that creates something honours an \`Idempotency-Key\` header. A repeat with the same key within 24 hours answers with the first successful response (marked \`Idempotent-Replayed: true\`) and creates nothing new; the same key with a different request is refused (422 \`idempotency_key_reused\`). Errors are not kept: a failed request may be retried with the same key.
- **Updates** of a workflow are checked against the version you read: send \`expectedVersion\` in the body or the \`ETag\` of the last GET as \`If-Match\`.
- **Rate limits**: 60 requests a minute per key. Every answer carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`; a 429 adds \`Retry-After\` (seconds).
- **Request ids**: every answer carries \`X-Request-Id\`; quote it to support.
- **Errors** are \`{ "error": { "code", "message", "details"? } }\` with the HTTP status of the code. Validation errors (422) list \`details.issues\`, each with the field \`path\`, a \`code\` and a \`message\`.
- **Versioning**: \`/api/v1\` only grows: new operations and new optional fields. Anything that would break a caller comes as \`/api/v2\`.

## Error codes

| code | meaning |
| --- | --- |
${codes}
`;
}
