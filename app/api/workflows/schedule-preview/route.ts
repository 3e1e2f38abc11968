// GET /api/workflows/schedule-preview?cron=&timezone= — the next five runs of a schedule, or what is wrong with it.
import { withApi } from '@/lib/api/with-api';
import { requestLocale } from '@/lib/i18n/request-locale';
import { getSchedulePreview } from '@/lib/workflows/schedule/get-schedule-preview';
import { schedulePreviewQuerySchema } from '@/lib/workflows/schemas';

export const GET = withApi({ auth: 'sessionOrApiKey', query: schedulePreviewQuerySchema }, async ({ req, query }) =>
  Response.json(await getSchedulePreview(query, requestLocale(req))),
);
