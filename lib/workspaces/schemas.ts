// zod schemas for the workspace settings routes.
import { z } from 'zod';
import { lifecycleEvents } from './lifecycle';

export const workspaceApproversSchema = z.enum(['admins', 'members']);

export const updateWorkspaceSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the workspace a name')
      .max(80, 'Use at most 80 characters')
      .refine((name) => !/[\r\n\t]/.test(name), 'Use a single line')
      .optional(),
    approvers: workspaceApproversSchema.optional(),
  })
  .refine((input) => input.name !== undefined || input.approvers !== undefined, 'Change the name or the approvers');

export type UpdateWorkspaceInput = z.input<typeof updateWorkspaceSchema>;

/** POST /api/admin/workspaces/:id/lifecycle: suspend, resume, delete, restore or purge. */
export const workspaceLifecycleSchema = z.object({ event: z.enum(lifecycleEvents) });

/** A workspace id sent by the workspace switcher. */
export const workspaceIdSchema = z.uuid();
