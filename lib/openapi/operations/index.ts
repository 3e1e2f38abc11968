// Every public API v1 operation, in the order the document lists them.
import type { V1Operation } from '@/lib/api/v1/operation';
import { approvalsOperations } from './approvals';
import { backupsOperations } from './backups';
import { connectionsOperations } from './connections';
import { failureQueueOperations } from './failure-queue';
import { runsOperations } from './runs';
import { templatesOperations } from './templates';
import { webhooksOperations } from './webhooks';
import { workflowsOperations } from './workflows';

export const v1Operations: readonly V1Operation[] = [
  ...workflowsOperations,
  ...runsOperations,
  ...approvalsOperations,
  ...failureQueueOperations,
  ...templatesOperations,
  ...backupsOperations,
  ...connectionsOperations,
  ...webhooksOperations,
];
