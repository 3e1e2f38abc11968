// POST /api/workflows/validate — checks a definition without saving it (the editor shows the issues inline).
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { validateDefinition } from '@/lib/workflows/validate-definition';

export const POST = withApi(
  {
    auth: 'sessionOrApiKey',
    body: z.object({ definition: z.unknown(), workflowId: z.uuid().optional() }),
    maxBodyBytes: 128 * 1024,
  },
  async ({ body }) => {
    const result = validateDefinition(body.definition, { workflowId: body.workflowId });
    return Response.json(
      result.ok ? { ok: true, definition: result.definition } : { ok: false, issues: result.issues },
    );
  },
);
