// zod schemas of the audit log route.
import { z } from 'zod';

/** GET /api/audit: a page size and the id to continue before (ids grow with time). */
export const listAuditLogsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().regex(/^\d+$/).optional(),
});
