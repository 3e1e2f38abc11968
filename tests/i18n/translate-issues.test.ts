// Every issue code we produce (zod's and the validator's, read from the source) reads as a sentence in all nine
// tier-1 languages; zod's raw English never reaches the reader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssues } from '@/lib/errors';
import { tierOneLocales } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { issueTranslator, translateIssues } from '@/lib/i18n/translate-issues';

const sources = [
  'lib/i18n/zod-issue.ts',
  'lib/workflows/validate-definition.ts',
  'lib/workflows/definition.ts',
  'lib/workflows/schedule/check-cron.ts',
  'lib/workflows/schedule/get-schedule-preview.ts',
  'lib/workflows/assert-event-source.ts',
  'lib/workflows/trigger-columns.ts',
];

/** Codes written in the source: `code: 'x'` and the validator's `add([...], 'x', …)`. */
function codesInSource(): string[] {
  const codes = new Set<string>(Object.keys(z.ZodIssueCode));
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/code: '([a-z_]+)'/g)) codes.add(match[1]!);
    for (const match of text.matchAll(/add\(\s*\[[^\]]*\],\s*'([a-z_]+)'/g)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

/** Params a message may ask for, so every branch can be formatted. */
const sampleParams = {
  expected: 'string',
  received: 'number',
  origin: 'string',
  minimum: 1,
  maximum: 120,
  inclusive: 'true',
  format: 'email',
  divisor: 5,
  keys: 'colour',
  count: 1,
  values: 'GET, POST',
  value: '61',
  field: 'minute',
  min: 0,
  max: 59,
  size: 300,
  id: 'a',
  type: 'fax',
  target: 'b',
  step: 'c',
  loop: 'a → b → a',
  reference: '{{steps.x.output}}',
  kind: 'order',
};

describe('issue translations', () => {
  const codes = codesInSource();

  it('finds the codes of zod and of the validator in the source', () => {
    for (const code of [
      'invalid_type',
      'required',
      'unrecognized_keys',
      'cron_field_out_of_range',
      'cycle',
      'unknown_time_zone',
    ])
      expect(codes).toContain(code);
  });

  it.each(tierOneLocales)(
    'has a message for every code in %s, formatted without falling back to English',
    async (locale) => {
      const messages = await loadMessages(locale);
      const own = (await import(`@/messages/${locale}.json`)).default as { validation: Record<string, string> };
      const translator = issueTranslator(messages, locale);
      for (const code of codes) {
        expect(own.validation[code], `${locale}: validation.${code}`).toEqual(expect.any(String));
        const text = translator.issue({ path: 'name', code, params: sampleParams, message: 'FALLBACK' });
        // NOTE: in English a bare `custom` issue keeps its schema's own, more specific sentence (checked below).
        if (locale === 'en' && code === 'custom') continue;
        expect(text, `${locale}: validation.${code}`).not.toBe('FALLBACK');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    },
  );
});

describe('zod issues as sentences', () => {
  const schema = z
    .object({
      name: z.string().trim().min(1).max(5),
      email: z.email(),
      site: z.url(),
      at: z.iso.datetime(),
      count: z.number().int().min(1).max(10).multipleOf(2),
      tags: z.array(z.string()).min(1),
      method: z.enum(['GET', 'POST']),
      mode: z.union([z.literal('a'), z.number()]),
      timezone: z.string().refine(() => false, 'Not an IANA time zone'),
    })
    .strict();

  const english = async (input: unknown) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error('expected issues');
    return translateIssues(fieldIssues(parsed.error), 'en');
  };

  it('says which field is missing instead of "expected string, received undefined"', async () => {
    const issues = await english({});
    expect(issues.find((issue) => issue.path === 'name')).toMatchObject({
      code: 'required',
      message: 'Name is required',
    });
    expect(issues.map((issue) => issue.message).join(' ')).not.toMatch(/Invalid input|received undefined/);
  });

  it('gives lengths, ranges, formats, choices and unknown keys in words', async () => {
    const issues = await english({
      name: ' ',
      email: 'nope',
      site: 'x',
      at: 'today',
      count: 3,
      tags: [],
      method: 'PUT',
      mode: true,
      timezone: 'Mars/Base',
      extra: 1,
    });
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.name).toBe('Name must be at least 1 character long');
    expect(byPath.email).toBe('Email must be an email address such as name@example.com');
    expect(byPath.site).toBe('This field must be a web address such as https://example.com');
    expect(byPath.at).toMatch(/must be a date and time/);
    expect(byPath.count).toBe('This field must be a multiple of 2');
    expect(byPath.tags).toBe('This field needs at least 1 item');
    expect(byPath.method).toBe('Method must be one of: GET, POST');
    expect(byPath.mode).toBe('This field does not match any of the allowed forms');
    expect(byPath.timezone).toBe('Not an IANA time zone');
    expect(byPath['(root)']).toBe('Fields we do not know: extra');
  });

  it('writes the same issues in German', async () => {
    const parsed = schema.safeParse({ name: 'far too long', count: 12, timezone: 'Mars/Base' });
    const issues = await translateIssues(fieldIssues(parsed.error!), 'de');
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.name).toBe('Der Name darf höchstens 5 Zeichen lang sein');
    expect(byPath.count).toBe('Dieses Feld darf höchstens 10 sein');
    expect(byPath.email).toBe('Die E-Mail-Adresse ist erforderlich');
    expect(byPath.timezone).toBe('Die Zeitzone ist ungültig');
  });

  it('keeps the English message for a code no one has translated', async () => {
    const [issue] = await translateIssues([{ path: 'x', code: 'brand_new_code', message: 'Something specific' }], 'ja');
    expect(issue!.message).toBe('Something specific');
  });
});
