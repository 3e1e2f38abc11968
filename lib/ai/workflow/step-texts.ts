// The words the built-in builder writes into the steps it composes (messages, subjects, log lines), in the request's
// language: English by default, or from the `ai.builder.stepTexts` messages. Run data stays `{{…}}` templates.
import { createTranslator } from 'use-intl/core';
import { type Locale, locales } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { Concept } from './lexicon';

/** What a workflow handles, as shown to people (the API resource names in URLs are separate). */
export const thingConcepts = [
  'order',
  'customer',
  'invoice',
  'refund',
  'stock',
  'lead',
  'payment',
  'dispute',
  'ticket',
  'signup',
  'sales',
] as const satisfies readonly Concept[];
export type ThingConcept = (typeof thingConcepts)[number];

export type StepTexts = {
  /** "Shopify orders", "tickets"; `app` is a brand name (not translated), `thing` null for data in general. */
  subject: (thing: ThingConcept | null, app: string | null) => string;
  newItems: (subject: string, data: string) => string;
  summary: (when: string, summary: string) => string;
  checkNeeded: (status: string) => string;
  approve: (data: string) => string;
  emailSubject: (subject: string) => string;
  finished: (subject: string, runId: string) => string;
  startedByHand: (runId: string) => string;
};

const englishThings: Record<ThingConcept, string> = {
  order: 'orders',
  customer: 'customers',
  invoice: 'invoices',
  refund: 'refunds',
  stock: 'products',
  lead: 'contacts',
  payment: 'payments',
  dispute: 'disputes',
  ticket: 'tickets',
  signup: 'sign-ups',
  sales: 'sales',
};

export const englishStepTexts: StepTexts = {
  subject: (thing, app) => [app, thing ? englishThings[thing] : 'data'].filter(Boolean).join(' '),
  newItems: (subject, data) => `Levqor: new ${subject}: ${data}`,
  summary: (when, summary) => `Your summary of ${when}: ${summary}`,
  checkNeeded: (status) => `Check needed: the request answered HTTP ${status}.`,
  approve: (data) => `Approve this before it continues: ${data}`,
  emailSubject: (subject) => `Levqor: ${subject}`,
  finished: (subject, runId) => `Finished: ${subject} (run ${runId})`,
  startedByHand: (runId) => `Started by hand (run ${runId})`,
};

/** The step texts in `locale` (falling back to English per key, like every message). */
export async function stepTextsFor(locale: string): Promise<StepTexts> {
  const known = (locales as readonly string[]).includes(locale) ? (locale as Locale) : 'en';
  if (known === 'en') return englishStepTexts;
  const t = createTranslator({
    locale: known,
    messages: await loadMessages(known),
    namespace: 'ai.builder.stepTexts',
    onError: () => {},
  }) as unknown as (key: string, values?: Record<string, string>) => string;
  return {
    subject: (thing, app) =>
      app ? t('subjectWithApp', { app, thing: t(`things.${thing ?? 'data'}`) }) : t(`things.${thing ?? 'data'}`),
    newItems: (subject, data) => t('newItems', { subject, data }),
    summary: (when, summary) => t('summary', { when, summary }),
    checkNeeded: (status) => t('checkNeeded', { status }),
    approve: (data) => t('approve', { data }),
    emailSubject: (subject) => t('emailSubject', { subject }),
    finished: (subject, runId) => t('finished', { subject, runId }),
    startedByHand: (runId) => t('startedByHand', { runId }),
  };
}
