// POST /api/v1/backups/{id}/verify — "Verify now": re-checks the stored bytes against their SHA-256, records the result.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { verifySnapshot } from '@/lib/backups/verify-snapshot';
import { verifyBackupOperation } from '@/lib/openapi/operations/backups';

export const POST = withV1(verifyBackupOperation, async ({ db, scope, params }) => {
  const backup = await verifySnapshot(db, scope, params.id);
  return Response.json({
    result: backup.verifyStatus === 'ok' ? 'ok' : 'corrupt',
    checkedAt: backup.verifiedAt,
    backup,
  });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
