import 'server-only';
// The API key format and the SHA-256 digest stored in place of the key.
import { createHash } from 'node:crypto';

export const API_KEY_PREFIX = 'lvq_live_';

/** `lvq_live_` followed by 32 random bytes in base64url (43 characters). */
export const apiKeyPattern = /^lvq_live_[A-Za-z0-9_-]{43}$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
