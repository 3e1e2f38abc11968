// What the AI panels say when a request fails: a 422 names each refused field in words, 413/429/no answer say why.
import { describe, expect, it } from 'vitest';
import { aiErrorText } from '@/components/ai/ai-error-text';

const t = (key: string) => `[${key}]`;
const failed = (status: number, error: Record<string, unknown> = { code: 'x', message: '' }) =>
  ({ ok: false, status, error }) as Parameters<typeof aiErrorText>[0];

describe('aiErrorText', () => {
  it('names each refused field in words, then says what is wrong with it', () => {
    const result = failed(422, {
      code: 'validation_failed',
      message: 'The request is not valid',
      details: { issues: [{ path: 'prompt', message: 'Too small: expected at least 3 characters' }] },
    });
    expect(aiErrorText(result, t, { prompt: 'Description' })).toEqual([
      '[invalid]',
      'Description: Too small: expected at least 3 characters',
    ]);
  });

  it('says the request was too large, too frequent or not sent, instead of a bare status', () => {
    expect(aiErrorText(failed(413), t, {})).toEqual(['[tooLarge]']);
    expect(aiErrorText(failed(429), t, {})).toEqual(['[busy]']);
    expect(aiErrorText(failed(0, { code: 'network', message: '' }), t, {})).toEqual(['[network]']);
  });

  it("shows the server's own message (already in the user's language), else a generic one", () => {
    expect(aiErrorText(failed(409, { code: 'conflict', message: 'This run did not fail' }), t, {})).toEqual([
      'This run did not fail',
    ]);
    expect(aiErrorText(failed(500), t, {})).toEqual(['[failed]']);
  });
});
