// zod schemas for editing an API key.
import { z } from 'zod';

export const apiKeyScopesSchema = z
  .array(z.enum(['read', 'write', 'admin']))
  .min(1, 'Choose at least one scope')
  .refine((scopes) => new Set(scopes).size === scopes.length, 'List each scope once');

export const updateApiKeySchema = z
  .object({
    name: z.string().trim().min(1, 'Give the key a name').max(80, 'Use at most 80 characters').optional(),
    scopes: apiKeyScopesSchema.optional(),
  })
  .refine((input) => input.name !== undefined || input.scopes !== undefined, 'Change the name or the scopes');

export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;
