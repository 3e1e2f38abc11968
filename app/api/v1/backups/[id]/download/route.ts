// GET /api/v1/backups/{id}/download — the snapshot's bytes after their SHA-256 is re-checked (409 when corrupt).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { readSnapshotContent } from '@/lib/backups/read-snapshot-content';
import { downloadBackupOperation } from '@/lib/openapi/operations/backups';

export const GET = withV1(downloadBackupOperation, async ({ db, scope, params }) => {
  const { snapshot, content } = await readSnapshotContent(db, scope, params.id);
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(content.byteLength),
      'content-disposition': `attachment; filename="${snapshot.fileName}"`,
      'x-checksum-sha256': snapshot.sha256,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
