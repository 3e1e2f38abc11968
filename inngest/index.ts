// Every Inngest function served at /api/inngest.
import { scheduledJobFunctions } from './functions/scheduled-jobs';

export { inngest } from './client';

export const functions = [...scheduledJobFunctions];
