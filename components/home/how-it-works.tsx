// Home: three steps from idea to a running workflow.
import { useTranslations } from 'next-intl';

const steps = ['step1', 'step2', 'step3'] as const;

export function HowItWorks() {
  const t = useTranslations('home.how');
  return (
    <section id="how-it-works" className="scroll-mt-20 border-b border-border">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <h2 className="font-display text-3xl font-semibold tracking-tight sm:text-4xl">{t('title')}</h2>
        <ol className="mt-10 grid gap-8 md:grid-cols-3">
          {steps.map((key, index) => (
            <li key={key}>
              <span
                className="grid h-10 w-10 place-items-center rounded-full bg-brand-gradient font-display font-semibold text-slate-950"
                aria-hidden="true"
              >
                {index + 1}
              </span>
              <h3 className="mt-4 font-semibold">{t(`${key}.title`)}</h3>
              <p className="mt-2 text-sm leading-relaxed text-fg-muted">{t(`${key}.body`)}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
