// `approval`: a human gate (action class C). The engine holds the run until someone approves; the step then records the message.
import { z } from 'zod';
import { defineStep } from './types';

const approvalConfigSchema = z.object({
  message: z
    .unknown()
    .transform((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')))
    .default('Approve this run?'),
});

export const approvalStep = defineStep({
  type: 'approval',
  configSchema: approvalConfigSchema,
  defaultActionClass: 'C',
  resolveTemplates: true,
  async execute(config) {
    return { kind: 'output', output: { message: config.message.slice(0, 2_000), approved: true } };
  },
});
