// One template, publicly: what it does, when it runs, its steps in order, what it needs, and "Use this template".
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { UseTemplateButton } from '@/components/templates/use-template-button';
import { type TemplateView, templateView } from '@/components/templates/template-view';
import { getDbOrNull } from '@/db';
import { Link } from '@/lib/i18n/navigation';
import { alternateLanguages, localizedPath } from '@/lib/i18n/urls';
import { catalogTemplates, getCatalogTemplate } from '@/lib/templates';
import { getPublicSharedTemplate } from '@/lib/templates/list-public-shared-templates';

type Props = { params: Promise<{ locale: string; slug: string }> };

// NOTE: built-in templates are prerendered; approved community templates render on first request and refresh hourly.
export const dynamicParams = true;
export const revalidate = 3600;

export function generateStaticParams() {
  return catalogTemplates.map(({ slug }) => ({ slug }));
}

async function loadTemplate(locale: string, slug: string): Promise<TemplateView | null> {
  const t = await getTranslations({ locale, namespace: 'templates' });
  const builtin = getCatalogTemplate(slug);
  if (builtin) return templateView(t, locale, builtin);
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const db = await getDbOrNull();
  const shared = db ? await getPublicSharedTemplate(db, slug).catch(() => null) : null;
  return shared ? templateView(t, locale, shared) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const template = await loadTemplate(locale, slug);
  if (!template) return {};
  const t = await getTranslations({ locale, namespace: 'templates' });
  const path = `/templates/${slug}`;
  const title = t('meta.detailTitle', { title: template.title });
  return {
    title,
    description: template.summary,
    alternates: { canonical: localizedPath(locale, path), languages: alternateLanguages(path) },
    openGraph: {
      type: 'website',
      siteName: 'Levqor',
      title,
      description: template.summary,
      locale,
      url: localizedPath(locale, path),
    },
    twitter: { card: 'summary_large_image', title, description: template.summary },
  };
}

export default async function TemplatePage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const template = await loadTemplate(locale, slug);
  if (!template) notFound();
  const t = await getTranslations('templates');
  const labels = {
    use: t('detail.use'),
    using: t('detail.using'),
    signIn: t('detail.signInToUse'),
    errors: {
      forbidden: t('detail.errors.forbidden'),
      limit: t('detail.errors.limit'),
      generic: t('detail.errors.generic'),
    },
  };

  return (
    <article className="mx-auto max-w-6xl px-4 py-12 sm:px-6 md:py-16">
      <Link href="/templates" className="inline-flex items-center gap-2 text-sm text-fg-muted hover:text-fg">
        <span aria-hidden="true" className="rtl:rotate-180">
          ←
        </span>
        {t('detail.back')}
      </Link>
      <header className="mt-8 max-w-3xl">
        {template.community ? (
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-accent">{t('detail.community')}</p>
        ) : template.category ? (
          <Link
            href={{ pathname: '/templates', query: { category: template.category } }}
            className="text-sm font-semibold uppercase tracking-widest text-brand-accent hover:underline"
          >
            {t(`categories.${template.category}.name`)}
          </Link>
        ) : null}
        <h1 className="mt-3 font-display text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
          {template.title}
        </h1>
        <div className="mt-8">
          <h2 className="sr-only">{t('detail.whatItDoes')}</h2>
          <p className="text-lg text-fg-muted text-pretty" data-testid="template-summary">
            {template.summary}
          </p>
        </div>
        <div className="mt-8 space-y-3">
          <UseTemplateButton slug={template.slug} locale={locale} labels={labels} />
          <p className="text-sm text-fg-subtle">{t('detail.useHint')}</p>
        </div>
      </header>

      <div className="mt-14 grid gap-10 lg:grid-cols-[1.6fr_1fr]">
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading" className="font-display text-2xl font-semibold">
            {t('detail.steps')}
          </h2>
          <ol className="mt-6 space-y-3" data-testid="template-steps">
            {template.steps.map((step, index) => (
              <li key={step.id} className="flex gap-4 rounded-card border border-border bg-surface-raised p-4">
                <span
                  aria-hidden="true"
                  className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-gradient text-sm font-semibold text-slate-950"
                >
                  {index + 1}
                </span>
                <div>
                  <p className="text-xs font-medium uppercase tracking-wide text-fg-subtle">
                    <span className="sr-only">{t('detail.stepNumber', { number: index + 1 })} · </span>
                    {step.typeLabel}
                  </p>
                  <p className="mt-1 text-fg">{step.description}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>

        <aside className="space-y-8">
          <section
            aria-labelledby="trigger-heading"
            className="rounded-card border border-border bg-surface-raised p-6"
          >
            <h2 id="trigger-heading" className="font-semibold">
              {t('detail.trigger')}
            </h2>
            <p className="mt-2 text-fg-muted" data-testid="template-trigger">
              {template.trigger}
            </p>
            {template.timezone ? (
              <p className="mt-1 text-sm text-fg-subtle">{t('detail.timezone', { timezone: template.timezone })}</p>
            ) : null}
          </section>
          <section aria-labelledby="needs-heading" className="rounded-card border border-border bg-surface-raised p-6">
            <h2 id="needs-heading" className="font-semibold">
              {t('detail.needs')}
            </h2>
            {template.credentials.length > 0 ? (
              <ul className="mt-3 space-y-2 text-sm text-fg-muted" data-testid="template-credentials">
                {template.credentials.map((credential) => (
                  <li key={`${credential.connector}:${credential.name}`} className="flex gap-2">
                    <span aria-hidden="true" className="text-brand-accent">
                      •
                    </span>
                    {t('detail.credential', { connector: credential.connector, name: credential.name })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-fg-muted">{t('detail.noCredentials')}</p>
            )}
            {template.apps.length > 0 ? (
              <>
                <h3 className="mt-5 text-sm font-semibold">{t('detail.apps')}</h3>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {template.apps.map((app) => (
                    <li
                      key={app}
                      className="rounded-full border border-border-strong px-2.5 py-0.5 text-xs text-fg-muted"
                    >
                      {app}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="mt-5 border-t border-border pt-4 text-sm text-fg-subtle">{t('detail.placeholders')}</p>
          </section>
        </aside>
      </div>
    </article>
  );
}
