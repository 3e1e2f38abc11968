// GET /api/backups/:id/download — the snapshot's bytes as an attachment, after their checksum is re-checked (409 if corrupt).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { readSnapshotContent } from '@/lib/backups/read-snapshot-content';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) => {
  const { snapshot, content } = await readSnapshotContent(await getDb(), scope, String(params.id));
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': snapshot.contentType,
      'content-length': String(content.byteLength),
      'content-disposition': `attachment; filename="${snapshot.fileName}"`,
      'x-checksum-sha256': snapshot.sha256,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
});
