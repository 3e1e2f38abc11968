// Every error code the engine and the step types can produce is in the registry, and every registered code has a rule
// (what, why, what to do) in each tier-1 language that reads without a missing value.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainFailureFallback } from '@/lib/ai/debug/explain-failure-fallback';
import type { FailureFacts } from '@/lib/ai/debug/failure-facts';
import { tierOneLocales } from '@/lib/i18n/locales';
import { workflowErrorCodeList, workflowErrorCodes } from '@/lib/workflows/error-codes';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const sources = walk('lib').map((file) => ({ file, text: readFileSync(file, 'utf8') }));

/** `new StepError('code'` anywhere in lib/, the first argument possibly on the next line. */
function stepErrorCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of sources)
    for (const match of text.matchAll(/new StepError\(\s*'([a-z_]+)'/g)) found.set(match[1]!, file);
  return found;
}

/** `code: …` literals of the error records the engine and the run functions write (they carry `retryable`). */
function engineCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const engine = sources.filter(({ file }) => /lib[\\/]workflows[\\/](engine|runs)[\\/]/.test(file));
  for (const { file, text } of engine)
    for (const match of text.matchAll(/\bcode:\s*([^,\n]+)/g)) {
      const following = text.slice(match.index, match.index + 300);
      if (!following.includes('retryable')) continue;
      // NOTE: of a ternary (`a === 'x' ? 'code_a' : 'code_b'`), only the branches are codes.
      const expression = match[1]!.includes('?') ? match[1]!.slice(match[1]!.indexOf('?')) : match[1]!;
      for (const literal of expression.matchAll(/'([a-z_]+)'/g)) found.set(literal[1]!, file);
    }
  return found;
}

const facts = (code: string): FailureFacts => ({
  code,
  causeCode: code,
  message: 'api.example.com answered HTTP 503',
  details: { status: 503, host: 'api.example.com', name: 'Main Slack', connector: 'slack' },
  stepId: 'fetch',
  stepName: 'Fetch orders',
  stepType: 'http_request',
  input: { url: 'https://api.example.com/orders', timeoutMs: 30_000 },
  attempts: 5,
});

const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as {
    ai?: { debug?: { rules?: Record<string, object> } };
  };

describe('the error code registry', () => {
  it('finds the codes the source throws', () => {
    expect([...stepErrorCodes().keys()]).toEqual(expect.arrayContaining(['network_error', 'credential_missing']));
    expect([...engineCodes().keys()]).toEqual(
      expect.arrayContaining(['attempts_exhausted', 'interrupted', 'approval_expired', 'cancelled']),
    );
  });

  it('lists every StepError code thrown in lib/', () => {
    const missing = [...stepErrorCodes()].filter(([code]) => !(code in workflowErrorCodes));
    expect(missing, 'add these codes to lib/workflows/error-codes.ts (and a rule for each)').toEqual([]);
  });

  it('lists every error code the engine writes', () => {
    const missing = [...engineCodes()].filter(([code]) => !(code in workflowErrorCodes));
    expect(missing, 'add these codes to lib/workflows/error-codes.ts (and a rule for each)').toEqual([]);
  });
});

describe('the rules for each error code', () => {
  it.each(tierOneLocales)('has what, why and what to do for every code (and the generic rule) in %s', (locale) => {
    const rules = messagesOf(locale).ai?.debug?.rules ?? {};
    const english = messagesOf('en').ai?.debug?.rules ?? {};
    const missing = [...workflowErrorCodeList, 'unknown'].filter((code) => {
      const rule = (rules[code] ?? {}) as Record<string, unknown>;
      const keys = Object.keys(english[code] ?? {});
      return !rule.what || !rule.why || !rule.todo1 || keys.some((key) => typeof rule[key] !== 'string');
    });
    expect(missing).toEqual([]);
  });

  it.each(tierOneLocales)('reads every rule in %s with the failure’s step and no missing value', async (locale) => {
    for (const code of [...workflowErrorCodeList, 'no_such_code']) {
      const explanation = await explainFailureFallback(facts(code), locale);
      for (const text of [explanation.what, explanation.why, ...explanation.todo]) {
        expect(text, `${locale} ${code}`).not.toMatch(/ai\.debug|\{[a-zA-Z]+\}/);
        expect(text.length, `${locale} ${code}`).toBeGreaterThan(5);
      }
      expect(explanation.todo.length).toBeGreaterThan(0);
    }
  });

  it('names the step, the service and the status in the explanation', async () => {
    const explanation = await explainFailureFallback(facts('upstream_error'), 'en');
    expect(explanation.what).toBe('api.example.com answered step Fetch orders with an error (HTTP 503).');
    const spanish = await explainFailureFallback(facts('upstream_error'), 'es');
    expect(spanish.what).toBe('api.example.com respondió al paso Fetch orders con un error (HTTP 503).');
  });

  it('explains a 401 as a credential problem and a 404 as a wrong address', async () => {
    const rejected = (status: number) => ({
      ...facts('request_rejected'),
      details: { status, host: 'api.example.com' },
    });
    expect((await explainFailureFallback(rejected(401), 'en')).todo[0]).toMatch(/credential/);
    expect((await explainFailureFallback(rejected(404), 'en')).todo[0]).toMatch(/URL/);
  });

  it('marks transient failures as retryable and configuration mistakes as not', () => {
    expect(workflowErrorCodes.upstream_error.retryable).toBe(true);
    expect(workflowErrorCodes.timeout.retryable).toBe(true);
    expect(workflowErrorCodes.credential_missing.retryable).toBe(false);
    expect(workflowErrorCodes.invalid_url.retryable).toBe(false);
  });
});
