// Public API v1 operations of backups: declarations only (schemas from lib/<domain>/schemas.ts); routes build on them.
import type { V1Operation } from '@/lib/api/v1/operation';

export const backupsOperations: readonly V1Operation[] = [];
