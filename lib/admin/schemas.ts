// zod schemas of the operator's admin routes.
import { z } from 'zod';

/** PUT /api/admin/settings/:key: the new value, checked by the setting's own schema in ops-settings.ts. */
export const setOpsSettingSchema = z.object({ value: z.unknown() });

/**
 * PUT /api/admin/ai/throttles/:workspaceId: the workspace's own model calls a minute (null: the platform default) and/or
 * a pause of N minutes from now (0 ends a pause); a field left out keeps its current value.
 */
export const setAiThrottleSchema = z
  .object({
    callsPerMinute: z.number().int().min(1).max(10_000).nullable().optional(),
    throttleMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .optional(),
  })
  .strict()
  .refine((body) => body.callsPerMinute !== undefined || body.throttleMinutes !== undefined, {
    message: 'Give callsPerMinute, throttleMinutes or both',
    path: ['callsPerMinute'],
  });
export type SetAiThrottle = z.infer<typeof setAiThrottleSchema>;
