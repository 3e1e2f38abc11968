// PUT /api/admin/ai/throttles/:workspaceId — limit a workspace's AI calls or pause them; DELETE lifts (platform admins).
import { getDb } from '@/db';
import { setAiThrottleSchema } from '@/lib/admin/schemas';
import { liftAiThrottle } from '@/lib/ai/guard/lift-ai-throttle';
import { setAiThrottle } from '@/lib/ai/guard/set-ai-throttle';
import { withApi } from '@/lib/api/with-api';

export const PUT = withApi({ auth: 'admin', body: setAiThrottleSchema }, async ({ userId, params, body }) =>
  Response.json(await setAiThrottle(await getDb(), userId, String(params.workspaceId), body)),
);

export const DELETE = withApi({ auth: 'admin' }, async ({ userId, params }) =>
  Response.json(await liftAiThrottle(await getDb(), userId, String(params.workspaceId))),
);
