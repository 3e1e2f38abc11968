import 'server-only';
// The SHA-256 checksum (lower-case hex) a snapshot is stored and verified with.
import { createHash } from 'node:crypto';

export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
