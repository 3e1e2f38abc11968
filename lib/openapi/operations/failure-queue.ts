// Public API v1 operations of failure-queue: declarations only (schemas from lib/<domain>/schemas.ts); routes build on them.
import type { V1Operation } from '@/lib/api/v1/operation';

export const failureQueueOperations: readonly V1Operation[] = [];
