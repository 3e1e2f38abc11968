// POST /api/billing/portal — a Stripe Customer Portal link for the workspace (owners and admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { createPortalSession } from '@/lib/billing/create-portal-session';
import { portalSessionSchema } from '@/lib/billing/schemas';
import { getEnv } from '@/lib/env';

export const POST = withApi({ auth: 'sessionOrApiKey', body: portalSessionSchema }, async ({ scope, body }) =>
  Response.json(await createPortalSession(await getDb(), scope, { appUrl: getEnv().APP_URL, locale: body.locale }), {
    status: 201,
  }),
);
