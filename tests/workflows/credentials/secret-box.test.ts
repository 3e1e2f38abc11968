import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';

/** Changes the first character: its six bits are all data (the last one may carry only padding bits). */
function flipFirstChar(part: string): string {
  return (part.startsWith('A') ? 'B' : 'A') + part.slice(1);
}

describe('secret box', () => {
  it('round-trips a secret and never shows it in the ciphertext', () => {
    const secret = 'xoxb-super-secret-token-Ünïcødé';
    const sealed = encryptSecret(secret, 'workspace-a');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('super-secret');
    expect(decryptSecret(sealed, 'workspace-a')).toBe(secret);
  });

  it('uses a fresh IV for every encryption', () => {
    expect(encryptSecret('same', 'ws')).not.toBe(encryptSecret('same', 'ws'));
  });

  it('refuses a ciphertext bound to other associated data', () => {
    const sealed = encryptSecret('token', 'workspace-a');
    expect(() => decryptSecret(sealed, 'workspace-b')).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(sealed)).toThrow(/could not be decrypted/);
  });

  it.each([1, 2, 3])('refuses a ciphertext whose part %i was tampered with', (index) => {
    const parts = encryptSecret('token', 'ws').split('.');
    parts[index] = flipFirstChar(parts[index] ?? '');
    expect(() => decryptSecret(parts.join('.'), 'ws')).toThrow();
  });

  it('refuses a ciphertext sealed with another key', () => {
    const other = createSecretBox(randomBytes(32));
    expect(() => decryptSecret(other.encrypt('token', 'ws'), 'ws')).toThrow(/could not be decrypted/);
  });

  it('refuses unknown versions and malformed input', () => {
    const sealed = encryptSecret('token');
    expect(() => decryptSecret(sealed.replace(/^v1/, 'v2'))).toThrow(/Not a secret-box ciphertext/);
    expect(() => decryptSecret('plaintext')).toThrow(/Not a secret-box ciphertext/);
    expect(() => decryptSecret(`${sealed}.extra`)).toThrow(/Not a secret-box ciphertext/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
