// zod schemas of the operator's admin routes.
import { z } from 'zod';

/** PUT /api/admin/settings/:key: the new value, checked by the setting's own schema in ops-settings.ts. */
export const setOpsSettingSchema = z.object({ value: z.unknown() });
