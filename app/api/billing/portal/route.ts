// POST /api/billing/portal — a Stripe Customer Portal link for the workspace (owners and admins).
import { z } from 'zod';
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { createPortalSession } from '@/lib/billing/create-portal-session';
import { getEnv } from '@/lib/env';
import { locales } from '@/lib/i18n/locales';

const portalSchema = z.object({ locale: z.enum(locales).optional() });

export const POST = withApi({ auth: 'sessionOrApiKey', body: portalSchema }, async ({ scope, body }) =>
  Response.json(await createPortalSession(await getDb(), scope, { appUrl: getEnv().APP_URL, locale: body.locale }), {
    status: 201,
  }),
);
