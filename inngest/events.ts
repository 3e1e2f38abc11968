// The events that trigger Inngest functions, with the zod schemas Inngest checks before a function body runs.
import { eventType } from 'inngest';
import { z } from 'zod';
import { workflowEvents } from '@/lib/workflows/engine/dispatch';

/** `levqor/workflow.run.requested`: a run has work for the driver. */
export const runRequestedSchema = z.object({ runId: z.uuid(), workspaceId: z.uuid() });

export const runRequested = eventType(workflowEvents.runRequested, { schema: runRequestedSchema });
