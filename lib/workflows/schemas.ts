// Request schemas of the workflow lifecycle routes (duplicate, import) and the exported file's envelope.
import { z } from 'zod';
import { isoDateTime } from '@/lib/api/schemas';
import { workflowDefinitionSchema } from './definition';

/** A workflow's name, by the definition schema's rules (trimmed, 1–120 characters). */
export const workflowNameSchema = workflowDefinitionSchema.shape.name;

export const duplicateWorkflowSchema = z.object({
  /** The copy's name; default "<name> (copy)". */
  name: workflowNameSchema.optional(),
});
export type DuplicateWorkflowInput = z.infer<typeof duplicateWorkflowSchema>;

export const WORKFLOW_FILE_FORMAT = 'levqor.workflow';
export const WORKFLOW_FILE_VERSION = 1;

/** The exported file: the definition inside a small envelope saying what the file is. */
export const workflowFileSchema = z.object({
  format: z.literal(WORKFLOW_FILE_FORMAT, {
    error: `This is not a Levqor workflow file (format must be "${WORKFLOW_FILE_FORMAT}")`,
  }),
  formatVersion: z.literal(WORKFLOW_FILE_VERSION, {
    error: `This file's format version is not supported; this Levqor reads version ${WORKFLOW_FILE_VERSION}`,
  }),
  exportedAt: isoDateTime.optional(),
  /** Checked by the workflow validator, which names every issue's step and field. */
  definition: z.unknown(),
});
export type WorkflowFile = {
  format: typeof WORKFLOW_FILE_FORMAT;
  formatVersion: typeof WORKFLOW_FILE_VERSION;
  exportedAt: string;
  definition: unknown;
};

/** The import body: a workflow file, or a bare definition (an object either way). */
export const importWorkflowSchema = z.record(z.string(), z.unknown());

/** GET /api/workflows/schedule-preview: a cron expression and the zone it is read in. */
export const schedulePreviewQuerySchema = z.object({
  cron: z.string().max(120),
  timezone: z.string().max(64).default('UTC'),
});
export type SchedulePreviewQuery = z.infer<typeof schedulePreviewQuerySchema>;
