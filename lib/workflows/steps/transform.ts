// `transform`: shapes data of earlier steps: a template value, keys picked from an object, or a list mapped item by item.
import { z } from 'zod';
import { readPath, resolveTemplates } from '../template';
import { defineStep, StepError } from './types';

const transformConfigSchema = z
  .object({
    /** Any JSON with `{{…}}` templates. */
    value: z.unknown().optional(),
    pick: z.object({ from: z.string(), keys: z.array(z.string().min(1)).min(1) }).optional(),
    /** Each item of `over` (a template resolving to a list) becomes `to`, where `{{item.x}}` reads the item. */
    map: z.object({ over: z.string(), to: z.unknown() }).optional(),
  })
  .refine((c) => [c.value, c.pick, c.map].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of value, pick or map',
  });

export const transformStep = defineStep({
  type: 'transform',
  configSchema: transformConfigSchema,
  defaultActionClass: 'A',
  pure: true,
  resolveTemplates: false,
  async execute(config, ctx) {
    if (config.pick) {
      const source = resolveTemplates(config.pick.from, ctx.data);
      const output = Object.fromEntries(config.pick.keys.map((key) => [key, readPath(source, key) ?? null]));
      return { kind: 'output', output };
    }
    if (config.map) {
      const items = resolveTemplates(config.map.over, ctx.data);
      if (!Array.isArray(items))
        throw new StepError('not_a_list', `map.over must resolve to a list; it resolved to ${typeof items}`, false);
      const to = config.map.to;
      return {
        kind: 'output',
        output: items.slice(0, 10_000).map((item) => resolveTemplates(to, { ...ctx.data, item })),
      };
    }
    return { kind: 'output', output: resolveTemplates(config.value, ctx.data) ?? null };
  },
});
