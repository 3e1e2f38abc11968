// Public API v1 operations of backups: declarations only (schemas from lib/<domain>/schemas.ts); routes build on them.
import { z } from 'zod';
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import { idPathParams, pageSchema } from '@/lib/api/v1/schemas';
import {
  backupDetailSchema,
  backupDownloadHeaders,
  backupSchema,
  backupVerificationSchema,
  listBackupsQuerySchema,
} from '@/lib/backups/schemas';

export const listBackupsOperation = defineOperation({
  operationId: 'listBackups',
  method: 'get',
  path: '/api/v1/backups',
  tag: 'Backups',
  summary: 'List backups',
  description: "The workspace's stored snapshots, newest first, optionally of one workflow. Content is never listed.",
  scope: 'read',
  query: listBackupsQuerySchema,
  responses: { 200: { description: 'A page of snapshots', schema: pageSchema(backupSchema, 'BackupPage') } },
  errors: ['not_found'],
});

export const getBackupOperation = defineOperation({
  operationId: 'getBackup',
  method: 'get',
  path: '/api/v1/backups/{id}',
  tag: 'Backups',
  summary: 'Get a backup',
  description: "One snapshot's metadata (name, format, size, SHA-256, verification) with its recent checks.",
  scope: 'read',
  params: idPathParams,
  responses: { 200: { description: 'The snapshot', schema: backupDetailSchema } },
});

export const downloadBackupOperation = defineOperation({
  operationId: 'downloadBackup',
  method: 'get',
  path: '/api/v1/backups/{id}/download',
  tag: 'Backups',
  summary: 'Download a backup',
  description:
    "The snapshot's bytes as an attachment. They are re-checked against their SHA-256 first (the check is recorded); a snapshot that no longer matches is marked corrupt and not served (409). Compare `X-Checksum-SHA256` with your own hash of the body. The body is `application/octet-stream`; the snapshot's own type is its `contentType`.",
  scope: 'read',
  params: idPathParams,
  responses: {
    200: {
      description: 'The stored bytes',
      contentType: 'application/octet-stream',
      schema: z.string().meta({ format: 'binary', description: "The snapshot's content, byte for byte" }),
      headers: backupDownloadHeaders,
    },
  },
  errors: ['conflict'],
});

export const verifyBackupOperation = defineOperation({
  operationId: 'verifyBackup',
  method: 'post',
  path: '/api/v1/backups/{id}/verify',
  tag: 'Backups',
  summary: 'Verify a backup',
  description:
    "Re-reads the stored bytes now and checks them against their SHA-256. A mismatch is a 200 with `result: corrupt` (and the snapshot is marked corrupt and the workspace's owners are told), not an error.",
  scope: 'write',
  params: idPathParams,
  responses: { 200: { description: 'The result of the check', schema: backupVerificationSchema } },
});

export const backupsOperations: readonly V1Operation[] = [
  listBackupsOperation,
  getBackupOperation,
  downloadBackupOperation,
  verifyBackupOperation,
];
