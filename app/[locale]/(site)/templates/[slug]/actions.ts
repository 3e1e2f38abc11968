'use server';
// Template page server action: copies a template into the signed-in user's workspace, then opens the new workflow.
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getSessionScope } from '@/lib/auth/session-scope';
import { toAppError } from '@/lib/errors';
import { localizedPath } from '@/lib/i18n/urls';
import { logger } from '@/lib/logger';
import { getCatalogTemplate } from '@/lib/templates';
import { useTemplateActionSchema } from '@/lib/templates/schemas';
// NOTE: renamed on import: React's lint rules take any `use…` call for a hook.
import { useTemplate as copyTemplate } from '@/lib/templates/use-template';

export type UseTemplateState = { ok: false; error: 'forbidden' | 'limit' | 'generic' } | null;

export async function useTemplateAction(_previous: UseTemplateState, formData: FormData): Promise<UseTemplateState> {
  const parsed = useTemplateActionSchema.safeParse({ slug: formData.get('slug'), locale: formData.get('locale') });
  if (!parsed.success) return { ok: false, error: 'generic' };
  const { slug, locale } = parsed.data;
  const scope = await getSessionScope();
  if (!scope)
    redirect(
      `${localizedPath(locale, '/signin')}?callbackUrl=${encodeURIComponent(localizedPath(locale, `/templates/${slug}`))}`,
    );
  let workflowId: string;
  try {
    const builtin = getCatalogTemplate(slug);
    const name = builtin ? (await getTranslations({ locale, namespace: 'templates' }))(builtin.titleKey) : undefined;
    workflowId = (await copyTemplate(await getDb(), scope, slug, { name })).id;
  } catch (error) {
    const { code } = toAppError(error);
    if (code === 'forbidden') return { ok: false, error: 'forbidden' };
    if (code === 'limit_reached' || code === 'payment_required') return { ok: false, error: 'limit' };
    logger.error({ err: error, slug }, 'template could not be copied');
    return { ok: false, error: 'generic' };
  }
  redirect(localizedPath(locale, `/workflows/${workflowId}`));
}
