import 'server-only';
// What callers see of an invitation (never the token or its hash), and how a token is made and stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@/db/types';

export const INVITATION_TTL_DAYS = 7;

export type InvitationDto = {
  id: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  invitedBy: string | null;
  expiresAt: Date;
  createdAt: Date;
};

export const invitationColumns = ['id', 'email', 'role', 'invited_by', 'expires_at', 'created_at'] as const;

type InvitationRow = {
  id: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  invited_by: string | null;
  expires_at: Date;
  created_at: Date;
};

export function toInvitationDto(row: InvitationRow): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

/** Only the SHA-256 of a token is stored, so a database leak cannot be turned into working links. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}
