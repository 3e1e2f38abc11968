// GET /api/guardian/upgrade/summary — upgrade plans counted by status, and open ones by category and priority.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { summarizeUpgradePlans } from '@/lib/guardian/upgrade/summarize-plans';

export const GET = withApi({ auth: 'admin' }, async () => Response.json(await summarizeUpgradePlans(await getDb())));
