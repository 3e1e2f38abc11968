import 'server-only';
// Platform admins review public template submissions: approve (listed publicly) or reject (hidden; can be reversed).
import { z } from 'zod';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { type SharedTemplateDto, toSharedTemplateDto } from './template-dto';

export const reviewTemplateSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1_000).optional(),
});
export const listForReviewQuerySchema = z.object({
  status: z.enum(['pending_review', 'approved', 'rejected']).default('pending_review'),
});

/** Which statuses each decision may start from. */
const from = { approve: ['pending_review', 'rejected'], reject: ['pending_review', 'approved'] } as const;

export async function reviewSharedTemplate(
  db: Db,
  adminUserId: string | null,
  id: string,
  decision: 'approve' | 'reject',
  note?: string,
): Promise<SharedTemplateDto> {
  const row = await db
    .updateTable('workflow_templates')
    .set({
      status: decision === 'approve' ? 'approved' : 'rejected',
      reviewed_by: adminUserId,
      review_note: note ?? null,
      reviewed_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('visibility', '=', 'public')
    .where('status', 'in', [...from[decision]])
    .returningAll()
    .executeTakeFirst();
  if (row) return toSharedTemplateDto(row);
  const existing = await db
    .selectFrom('workflow_templates')
    .select(['visibility', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!existing) throw new AppError('not_found', 'Template not found');
  if (existing.visibility !== 'public')
    throw new AppError('conflict', 'This template is private to its workspace and was not submitted for review');
  throw new AppError('conflict', `This template is already ${existing.status}`);
}

export async function listTemplatesForReview(
  db: Db,
  status: z.infer<typeof listForReviewQuerySchema>['status'] = 'pending_review',
): Promise<SharedTemplateDto[]> {
  const rows = await db
    .selectFrom('workflow_templates')
    .selectAll()
    .where('visibility', '=', 'public')
    .where('status', '=', status)
    .orderBy('created_at', 'asc')
    .limit(200)
    .execute();
  return rows.map(toSharedTemplateDto);
}
