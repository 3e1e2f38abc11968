// GET /api/billing — the workspace's plan, limits against usage, this month's metering and credit balance.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getBillingSummary } from '@/lib/billing/get-billing-summary';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope }) =>
  Response.json(await getBillingSummary(await getDb(), scope)),
);
