import 'server-only';
// Authenticated encryption of secrets at rest: AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { getSecrets } from '@/lib/env';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export type SecretBox = {
  encrypt: (plaintext: string, associatedData?: string) => string;
  decrypt: (ciphertext: string, associatedData?: string) => string;
};

/** A box over one 32-byte key; `associatedData` binds a ciphertext to its context (e.g. the workspace id). */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretBoxError('The encryption key must be 32 bytes');
  return {
    encrypt(plaintext, associatedData = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(ciphertext, associatedData = '') {
      const [version, iv, tag, body, ...rest] = ciphertext.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined || rest.length > 0) {
        throw new SecretBoxError('Not a secret-box ciphertext (expected v1.<iv>.<tag>.<ciphertext>)');
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
        throw new SecretBoxError('The ciphertext is malformed');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('The ciphertext could not be decrypted: wrong key, wrong context or tampered data');
      }
    },
  };
}

let defaultBox: SecretBox | undefined;

function box(): SecretBox {
  defaultBox ??= createSecretBox(Buffer.from(getSecrets().ENCRYPTION_KEY, 'base64'));
  return defaultBox;
}

export function encryptSecret(plaintext: string, associatedData?: string): string {
  return box().encrypt(plaintext, associatedData);
}

export function decryptSecret(ciphertext: string, associatedData?: string): string {
  return box().decrypt(ciphertext, associatedData);
}
