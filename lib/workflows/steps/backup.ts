// `backup`: stores a snapshot of data from earlier steps (JSON, CSV, text or base64 binary) with its SHA-256.
import { z } from 'zod';
import { encodeSnapshot, SnapshotEncodingError } from '@/lib/backups/encode-snapshot';
import { storeSnapshot } from '@/lib/backups/store-snapshot';
import { AppError } from '@/lib/errors';
import { defineStep, StepError } from './types';

const backupConfigSchema = z
  .object({
    /** Shown when browsing backups and used as the download's file name. */
    name: z.string().trim().min(1, 'Give the backup a name').max(120),
    format: z.enum(['json', 'csv', 'text', 'binary']),
    /** The value to store, usually one template: `{{steps.fetch.output.body}}`. */
    data: z.unknown(),
    /** Where the data came from, for people browsing backups. */
    source: z.string().trim().max(200).optional(),
  })
  .refine((config) => config.data !== undefined, {
    path: ['data'],
    message: 'Give the data to back up, e.g. "{{steps.fetch.output.body}}"',
  });

export type BackupConfig = z.infer<typeof backupConfigSchema>;

export const backupStep = defineStep({
  type: 'backup',
  configSchema: backupConfigSchema,
  defaultActionClass: 'A',
  resolveTemplates: true,
  async execute(config, ctx) {
    if (config.data === undefined || config.data === null) {
      throw new StepError(
        'backup_no_data',
        'The backup data is empty: check that its template names an earlier step’s output',
        false,
      );
    }
    const encoded = encodeOrFail(config);
    try {
      const stored = await storeSnapshot(ctx.services.db, {
        workspaceId: ctx.workspaceId,
        workflowId: ctx.workflowId,
        runId: ctx.runId,
        stepId: ctx.stepId,
        name: config.name,
        format: config.format,
        contentType: encoded.contentType,
        source: config.source || `workflow step ${ctx.stepId}`,
        content: encoded.content,
        createdAt: ctx.services.now(),
      });
      return {
        kind: 'output',
        output: { snapshotId: stored.id, sha256: stored.sha256, sizeBytes: stored.sizeBytes, format: stored.format },
      };
    } catch (error) {
      if (error instanceof AppError && error.code === 'payload_too_large') {
        throw new StepError('backup_too_large', error.message, false, error.details as Record<string, unknown>);
      }
      throw error;
    }
  },
});

function encodeOrFail(config: BackupConfig) {
  try {
    return encodeSnapshot(config.format, config.data);
  } catch (error) {
    if (error instanceof SnapshotEncodingError)
      throw new StepError('backup_invalid_data', error.message, false, { format: config.format });
    throw error;
  }
}
