// zod schemas of the feature-flag routes.
import { z } from 'zod';

/** PUT /api/admin/flags/:key: turn a flag or kill switch on or off. */
export const setFlagSchema = z.object({ enabled: z.boolean() });
