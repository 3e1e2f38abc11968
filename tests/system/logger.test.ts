import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '@/lib/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('structured logs', () => {
  it('writes one JSON object per line with level and message', () => {
    const { logger, lines } = capture();
    logger.info({ path: '/api/system/pulse' }, 'request');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', path: '/api/system/pulse', service: 'levqor' });
  });

  it('redacts secret and personal fields by name', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        user: { email: 'ada@example.com', password: 'hunter2' },
        headers: { authorization: 'Bearer abc.def' },
        token: 't',
      },
      'sign-in',
    );
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('ada@example.com');
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('abc.def');
    expect(lines[0]).toMatchObject({ user: { email: '[REDACTED]', password: '[REDACTED]' }, token: '[REDACTED]' });
  });

  it('masks emails and keys that appear inside free text', () => {
    const { logger, lines } = capture();
    logger.warn(
      { detail: 'key lvq_live_abcdef1234567890 used by bob@shop.co.uk' },
      'magic link sent to ada@example.com',
    );
    expect(lines[0]?.msg).toBe('magic link sent to a***@example.com');
    expect(lines[0]?.detail).toBe('key lvq_live_[REDACTED] used by b***@shop.co.uk');
  });

  it("keeps an error's type, message and stack, with secrets masked", () => {
    const { logger, lines } = capture();
    logger.error({ err: new TypeError('login failed for ada@example.com') }, 'boom');
    expect(lines[0]?.err).toMatchObject({ type: 'TypeError', message: 'login failed for a***@example.com' });
    expect(String((lines[0]?.err as { stack: string }).stack)).toContain(
      'TypeError: login failed for a***@example.com',
    );
  });

  it('scrubs bearer tokens and provider keys', () => {
    expect(scrub('Authorization: Bearer eyJhbGciOi.x.y')).toBe('Authorization: Bearer [REDACTED]');
    expect(scrub('stripe sk_live_51Habcdefgh failed')).toBe('stripe sk_live_[REDACTED] failed');
  });
});
