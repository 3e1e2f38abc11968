// The getting-started guide and the README's Public API examples only call operations the OpenAPI document has, at
// its paths and with its methods, and name only operations it defines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApiDocument } from '@/lib/openapi/create-api-document';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const guide = readFileSync('content/docs/api-getting-started.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const readmeSection = readme.slice(
  readme.indexOf('\n## Public API\n'),
  readme.indexOf('\n## ', readme.indexOf('\n## Public API\n') + 5),
);

type Call = { method: string | null; path: string; source: string };

/** `/api/v1/workflows/$WORKFLOW_ID/runs` and `/api/v1/workflows/{id}/runs` → `/api/v1/workflows/{}/runs`. */
const normalise = (path: string) =>
  path.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{[^}]*\}/g, '{}').replace(/\/+$/, '');

function codeBlocks(markdown: string): { lang: string; code: string }[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, code: match[2]! }));
}

/** Each call to /api/v1 in a block: curl commands (continuation lines joined, split at pipes) or `levqor('POST', `/api/v1/…`)` calls. */
function callsIn({ lang, code }: { lang: string; code: string }): Call[] {
  if (lang === 'sh') {
    return code
      .replace(/\\\n/g, ' ')
      .split(/\n|\|/)
      .flatMap((command) =>
        [...command.matchAll(/\/api\/v1\/[^\s"'`?]*/g)].map((match) => {
          const explicit = /(?:-X|--request)\s+([A-Z]+)/.exec(command)?.[1];
          const method = explicit ?? (/\s(?:-d|--data\S*)\s/.test(command) ? 'POST' : 'GET');
          return { method: method.toLowerCase(), path: normalise(match[0]), source: command.trim() };
        }),
      );
  }
  return [...code.matchAll(/(?:'(GET|POST|PUT|PATCH|DELETE)',\s*)?`(\/api\/v1\/[^`?]*)/g)].map((match) => ({
    method: match[1]?.toLowerCase() ?? null,
    path: normalise(match[2]!),
    source: match[0],
  }));
}

/** `GET /api/v1/runs` written in the prose. */
function proseCalls(markdown: string): Call[] {
  return [...markdown.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/v1\/[^`?\s]*)/g)].map((match) => ({
    method: match[1]!.toLowerCase(),
    path: normalise(match[2]!),
    source: match[0],
  }));
}

const document = createApiDocument('http://localhost:3000');
const documented = new Map<string, Set<string>>(
  Object.entries(document.paths ?? {}).map(([path, item]) => [
    normalise(path),
    new Set(METHODS.filter((method) => (item as Record<string, unknown>)[method] !== undefined)),
  ]),
);
const operationIds = new Set(
  Object.values(document.paths ?? {}).flatMap((item) =>
    METHODS.map((method) => (item as Record<string, { operationId?: string }>)[method]?.operationId).filter(Boolean),
  ),
);

function undocumented(calls: Call[]): string[] {
  return calls
    .filter((call) => {
      const methods = documented.get(call.path);
      return !methods || (call.method !== null && !methods.has(call.method));
    })
    .map((call) => `${call.method?.toUpperCase() ?? '?'} ${call.path}  ←  ${call.source}`);
}

describe('API examples in the guide and the README', () => {
  const guideCalls = [...codeBlocks(guide).flatMap(callsIn), ...proseCalls(guide)];
  const readmeCalls = codeBlocks(readmeSection).flatMap(callsIn);

  it('finds the examples to check', () => {
    expect(guideCalls.length).toBeGreaterThanOrEqual(6);
    expect(readmeCalls.length).toBeGreaterThanOrEqual(5);
    expect(readmeSection.match(/<!-- api-example -->\s*\n```sh\n/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('calls in the guide only operations of the OpenAPI document, with their methods', () => {
    expect(undocumented(guideCalls)).toEqual([]);
  });

  it('calls in the README only operations of the OpenAPI document, with their methods', () => {
    expect(undocumented(readmeCalls)).toEqual([]);
  });

  it('names only operation ids the document defines', () => {
    const named = [...guide.matchAll(/operation `(\w+)`/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !operationIds.has(id))).toEqual([]);
  });

  it('tells which headers a webhook receiver checks and how the signature is computed', () => {
    expect(guide).toContain('X-Levqor-Timestamp');
    expect(guide).toContain('X-Levqor-Signature');
    expect(guide).toMatch(/createHmac\('sha256', secret\)\.update\(`\$\{timestamp\}\.`\)\.update\(rawBody\)/);
  });
});
