// Every Inngest function served at /api/inngest.
import { scheduledJobFunctions } from './functions/scheduled-jobs';
import { workflowRunFunction } from './functions/workflow-run';

export { inngest } from './client';

export const functions = [...scheduledJobFunctions, workflowRunFunction];
