import 'server-only';
// Shared templates a platform admin approved for the public library, newest first, and one of them by slug.
import type { Db } from '@/db/client';
import type { TemplateCategory } from './define-template';
import { sharedTemplateDetail, type TemplateDetailDto } from './template-dto';

export async function listPublicSharedTemplates(
  db: Db,
  { category, limit = 100 }: { category?: TemplateCategory; limit?: number } = {},
): Promise<TemplateDetailDto[]> {
  let select = db
    .selectFrom('workflow_templates')
    .selectAll()
    .where('status', '=', 'approved')
    .where('visibility', '=', 'public');
  if (category) select = select.where('category', '=', category);
  const rows = await select.orderBy('use_count', 'desc').orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(sharedTemplateDetail);
}

export async function getPublicSharedTemplate(db: Db, slug: string): Promise<TemplateDetailDto | null> {
  const row = await db
    .selectFrom('workflow_templates')
    .selectAll()
    .where('slug', '=', slug)
    .where('status', '=', 'approved')
    .where('visibility', '=', 'public')
    .executeTakeFirst();
  return row ? sharedTemplateDetail(row) : null;
}
