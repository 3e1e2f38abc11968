// Backup schemas: the v1 list query and the shapes the API answers with (a snapshot's metadata, its checks, a verify).
import 'zod-openapi';
import { z } from 'zod';
import { pageQuery, resourceId, timestamp } from '@/lib/api/v1/schemas';

const checkVia = z
  .enum(['verify', 'download', 'restore', 'scheduled'])
  .meta({ description: 'How the check was made: verify now, a download, a restore or the daily job' });

/** GET /api/v1/backups: newest first, optionally of one workflow. */
export const listBackupsQuerySchema = z.object({
  workflowId: resourceId.optional().meta({ description: 'Only snapshots of this workflow (404 if it is not yours)' }),
  ...pageQuery,
});
export type ListBackupsQuery = z.infer<typeof listBackupsQuerySchema>;

/** A stored snapshot's metadata: never its content. */
export const backupSchema = z
  .object({
    id: resourceId,
    workflowId: resourceId,
    workflowName: z.string(),
    runId: resourceId.nullable().meta({ description: 'The run that stored it' }),
    stepId: z.string(),
    stepName: z.string().nullable().meta({ description: "The backup step's name in the current version" }),
    name: z.string(),
    fileName: z.string().meta({ description: 'A safe file name for the download', example: 'orders-2026-12.json' }),
    format: z.enum(['json', 'csv', 'text', 'binary']),
    contentType: z.string().meta({ example: 'application/json; charset=utf-8' }),
    source: z.string().meta({ description: 'Where the data came from' }),
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: 'SHA-256 of the content, lower-case hex, recorded when stored' }),
    verifyStatus: z
      .enum(['unverified', 'ok', 'corrupt'])
      .meta({ description: 'The last check: the bytes still match their checksum (`ok`) or not (`corrupt`)' }),
    verifiedAt: timestamp.nullable(),
    verifiedVia: checkVia.nullable(),
    createdAt: timestamp,
  })
  .strict()
  .meta({ id: 'Backup', description: 'A snapshot stored by a backup step' });

/** One recorded checksum check. */
export const backupCheckSchema = z
  .object({ via: checkVia, result: z.enum(['ok', 'corrupt']), checkedAt: timestamp })
  .strict()
  .meta({ id: 'BackupCheck', description: "One check of a snapshot's bytes against its SHA-256" });

export const backupDetailSchema = backupSchema
  .extend({ checks: z.array(backupCheckSchema).meta({ description: 'The latest checks, newest first (up to 20)' }) })
  .strict()
  .meta({ id: 'BackupDetail', description: 'A snapshot with its recent checks' });

/** The answer of "verify now". */
export const backupVerificationSchema = z
  .object({
    result: z.enum(['ok', 'corrupt']).meta({ description: '`corrupt`: the bytes no longer match; it is not served' }),
    checkedAt: timestamp,
    backup: backupSchema,
  })
  .strict()
  .meta({ id: 'BackupVerification', description: "The result of re-checking a snapshot's SHA-256 now" });

/** The headers of a download. */
export const backupDownloadHeaders = z.object({
  'Content-Length': z.string().meta({ description: 'The size in bytes', example: '2048' }),
  'Content-Disposition': z
    .string()
    .meta({ description: 'An attachment with the file name', example: 'attachment; filename="orders-2026-12.json"' }),
  'X-Checksum-SHA256': z
    .string()
    .meta({ description: 'SHA-256 of the bytes, lower-case hex: compare it with your own hash of the body' }),
  'X-Request-Id': z.string().meta({ description: 'The id of this request in our logs' }),
});
