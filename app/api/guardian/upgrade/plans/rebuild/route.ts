// POST /api/guardian/upgrade/plans/rebuild — derive plans from anomalies and healing checks now (idempotent, design only).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { rebuildUpgradePlans } from '@/lib/guardian/upgrade/rebuild-plans';

export const POST = withApi({ auth: 'admin' }, async () => Response.json(await rebuildUpgradePlans(await getDb())));
