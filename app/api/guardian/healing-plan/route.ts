// GET /api/guardian/healing-plan — checks and suggested actions; a dry run: every action has auto_applicable false.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { buildHealingPlan } from '@/lib/guardian/healing-plan';

export const GET = withApi({ auth: 'admin' }, async () => Response.json(await buildHealingPlan(await getDb())));
