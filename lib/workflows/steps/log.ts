// `log`: writes a message (templates resolved) to the run's timeline and the structured log.
import { z } from 'zod';
import { logger } from '@/lib/logger';
import { defineStep } from './types';

const logConfigSchema = z.object({
  message: z
    .unknown()
    .refine((value) => value !== undefined && value !== '', 'Write the message to log')
    .transform((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))),
  level: z.enum(['info', 'warn', 'error']).default('info'),
});

export const logStep = defineStep({
  type: 'log',
  configSchema: logConfigSchema,
  defaultActionClass: 'A',
  pure: true,
  resolveTemplates: true,
  async execute(config, ctx) {
    const message = config.message.slice(0, 10_000);
    logger[config.level]({ run_id: ctx.runId, step_id: ctx.stepId, workspace_id: ctx.workspaceId }, message);
    return { kind: 'output', output: { message, level: config.level } };
  },
});
