// GET /api/workflows/:id/export — the current definition as a `<slug>.levqor.json` download (no secrets).
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { exportWorkflow } from '@/lib/workflows/export-workflow';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) => {
  const { filename, file } = await exportWorkflow(await getDb(), scope, idParam(params));
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
