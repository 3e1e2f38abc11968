// `delay`: pauses the run for a duration or until a time; the driver sleeps (Inngest step.sleep / the embedded timer).
import { z } from 'zod';
import { isoDateTime } from '@/lib/api/schemas';
import { defineStep, StepError } from './types';

const MAX_DELAY_MS = 30 * 86_400_000;

const delayConfigSchema = z
  .object({
    seconds: z.coerce.number().min(0).optional(),
    minutes: z.coerce.number().min(0).optional(),
    hours: z.coerce.number().min(0).optional(),
    days: z.coerce.number().min(0).optional(),
    /** An ISO date-time to wait until, instead of a duration. */
    until: isoDateTime.optional(),
  })
  .refine((c) => c.until !== undefined || [c.seconds, c.minutes, c.hours, c.days].some((v) => v !== undefined), {
    message: 'Give a duration (seconds, minutes, hours or days) or an `until` time',
  });

export function delayMs(config: z.infer<typeof delayConfigSchema>, now: Date): number {
  if (config.until) return Math.max(0, Date.parse(config.until) - now.getTime());
  return (
    ((config.seconds ?? 0) + (config.minutes ?? 0) * 60 + (config.hours ?? 0) * 3_600 + (config.days ?? 0) * 86_400) *
    1_000
  );
}

export const delayStep = defineStep({
  type: 'delay',
  configSchema: delayConfigSchema,
  defaultActionClass: 'A',
  resolveTemplates: true,
  async execute(config, ctx) {
    const now = ctx.services.now();
    const ms = delayMs(config, now);
    if (ms > MAX_DELAY_MS) throw new StepError('delay_too_long', 'A delay can last at most 30 days', false);
    const until = new Date(now.getTime() + ms);
    return { kind: 'sleep', until, output: { waitedUntil: until.toISOString() } };
  },
});
