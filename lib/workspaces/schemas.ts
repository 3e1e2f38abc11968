// zod schemas for the workspace settings routes.
import { z } from 'zod';

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
