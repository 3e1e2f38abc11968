// `condition`: compares values of earlier steps and branches to `then` or `else` (null ends the run).
import { z } from 'zod';
import { resolveTemplates } from '../template';
import { defineStep } from './types';

const operators = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'exists',
  'not_exists',
  'matches',
] as const;
export type ConditionOperator = (typeof operators)[number];

const ruleSchema = z.object({ left: z.unknown(), op: z.enum(operators), right: z.unknown().optional() });
const branchTarget = z.string().nullable();

const conditionConfigSchema = z.object({
  rules: z.array(ruleSchema).min(1, 'A condition needs at least one rule').max(20),
  match: z.enum(['all', 'any']).default('all'),
  then: branchTarget,
  else: branchTarget,
});

function compare(left: unknown, op: ConditionOperator, right: unknown): boolean {
  switch (op) {
    case 'eq':
      return JSON.stringify(left) === JSON.stringify(right) || String(left) === String(right);
    case 'neq':
      return !compare(left, 'eq', right);
    case 'gt':
      return Number(left) > Number(right);
    case 'gte':
      return Number(left) >= Number(right);
    case 'lt':
      return Number(left) < Number(right);
    case 'lte':
      return Number(left) <= Number(right);
    case 'contains':
      if (Array.isArray(left)) return left.some((item) => compare(item, 'eq', right));
      return typeof left === 'string' && left.includes(String(right));
    case 'not_contains':
      return !compare(left, 'contains', right);
    case 'exists':
      return left !== undefined && left !== null && left !== '';
    case 'not_exists':
      return !compare(left, 'exists', right);
    case 'matches':
      try {
        return new RegExp(String(right)).test(String(left ?? ''));
      } catch {
        return false;
      }
  }
}

export const conditionStep = defineStep({
  type: 'condition',
  configSchema: conditionConfigSchema,
  defaultActionClass: 'A',
  pure: true,
  resolveTemplates: false,
  references: (config) => [config.then, config.else],
  async execute(config, ctx) {
    const results = config.rules.map((rule) =>
      compare(resolveTemplates(rule.left, ctx.data), rule.op, resolveTemplates(rule.right, ctx.data)),
    );
    const matched = config.match === 'all' ? results.every(Boolean) : results.some(Boolean);
    const next = matched ? config.then : config.else;
    return { kind: 'branch', next, output: { matched, next } };
  },
});
