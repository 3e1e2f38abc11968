// GET /api/admin/jobs — scheduled jobs with their last run and failures, and the recent run history (platform admins).
import { getDb } from '@/db';
import { listJobOverview } from '@/lib/admin/list-job-runs';
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'admin' }, async () => Response.json(await listJobOverview(await getDb())));
