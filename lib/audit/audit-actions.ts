import 'server-only';
// The actions the audit log records.
export const auditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'member.invited',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'api_key.created',
  'api_key.revoked',
  'workspace.created',
  'workspace.suspended',
  'workspace.resumed',
  'workspace.soft_deleted',
  'workspace.restored',
  'workspace.purged',
  'flag.changed',
] as const;

export type AuditAction = (typeof auditActions)[number];
