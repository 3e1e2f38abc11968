// /api/inngest — Inngest's endpoint (Inngest signs its calls; the SDK verifies them). Without Inngest configured, jobs
// run in the embedded driver and this path is a JSON 404; unsigned calls in cloud mode get the JSON 401.
import { serve } from 'inngest/next';
import type { NextRequest } from 'next/server';
import { functions, inngest } from '@/inngest';
import { withApi } from '@/lib/api/with-api';
import { configuredServices, getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

const sdk = serve({ client: inngest, functions });

function forward(method: 'GET' | 'POST' | 'PUT') {
  return withApi({ auth: 'signedWebhook' }, async ({ req }) => {
    const env = getEnv();
    if (configuredServices(env).jobs !== 'inngest')
      throw new AppError('not_found', 'Inngest is not configured here: jobs run in the embedded driver');
    if (method === 'POST' && !env.INNGEST_DEV && !req.headers.get('x-inngest-signature')) {
      throw new AppError('unauthorized', 'Calls to this endpoint must be signed by Inngest (X-Inngest-Signature)');
    }
    return sdk[method](req as NextRequest, undefined);
  });
}

export const GET = forward('GET');
export const POST = forward('POST');
export const PUT = forward('PUT');
