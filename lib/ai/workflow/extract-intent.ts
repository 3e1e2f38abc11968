// What a plain-language request asks for, read with the tier-1 lexicons: the trigger (schedule → cron, outside event
// → webhook, another workflow failing → event, else manual), the apps and things it names, and the step types it needs.
import type { TemplateCategory } from '@/lib/templates/define-template';
import { checkUrlStatically } from '@/lib/workflows/egress/address-policy';
import { type Concept, entityConcepts } from './lexicon';
import { type AppName, channelApps } from './lexicon/apps';
import { appsIn, mentions } from './match-phrases';
import { normalizeText } from './normalize-text';
import { type Duration, extractSchedule } from './extract-schedule';

export type Channel = 'email' | 'slack' | 'telegram';
export type IntentAction =
  | 'fetch'
  | 'condition'
  | 'delay'
  | 'approval'
  | 'report'
  | 'backup'
  | 'google_sheets'
  | 'notion'
  | 'create_record'
  | Channel;

export type Intent = {
  /** False for requests that mean nothing to the builder (greetings, gibberish, instructions aimed at the model). */
  recognised: boolean;
  trigger:
    | { type: 'manual' }
    | { type: 'schedule'; cron: string; timezone: string }
    | { type: 'webhook' }
    | {
        type: 'event';
        event: 'workflow.failed';
      };
  apps: AppName[];
  /** Things the request is about (`order`, `lead`, `ticket` …), lexicon concept names. */
  entities: Concept[];
  actions: IntentAction[];
  channels: Channel[];
  category: TemplateCategory | null;
  /** "over £100" → 100. */
  threshold: Threshold | null;
  delay: Duration | null;
  /** A URL from the request that passes the egress check, else null. */
  url: string | null;
};

const sourceApps: AppName[] = ['Shopify', 'Stripe', 'WooCommerce', 'Airtable', 'Zendesk', 'Freshdesk', 'Plausible'];
const recordApps: AppName[] = ['HubSpot', 'Airtable'];
/** Things that happen (an order, a payment, a ticket): a request about one with nothing to fetch reacts to it. */
const eventEntities: Concept[] = [
  'order',
  'payment',
  'lead',
  'ticket',
  'signup',
  'refund',
  'cart',
  'review',
  'dispute',
  'form',
];

/** Whether the request sends or records something somewhere (a channel, a sheet, Notion, a CRM). */
function sendsSomewhere(apps: AppName[], text: string): boolean {
  const targets: AppName[] = ['Slack', 'Telegram', 'Google Sheets', 'Notion', 'HubSpot', 'Airtable'];
  return apps.some((app) => targets.includes(app)) || mentions(text, 'email') || mentions(text, 'sheet');
}

const categoryRules: Record<TemplateCategory, Concept[]> = {
  backups: ['backup'],
  reporting: ['report', 'sales', 'traffic', 'signup'],
  alerts: ['down', 'failed', 'dispute'],
  crm: ['lead', 'form', 'customer'],
  ecommerce: ['order', 'refund', 'cart', 'stock', 'review'],
  support: ['ticket', 'urgent'],
};

const UPPER =
  'over|above|more than|greater than|at least|exceed\\w*|bigger than|higher than|mas de|superior a|supera|por encima de|mayor (?:de|que)|plus de|superieur a?|depasse|au dela de|mehr als|uber|ab|hoher als|mindestens|ubersteigt|acima de|mais de|maior que|passar de|ultrapass\\w*|sopra|oltre|piu di|superiore a|超过|大于|高于|多于|اكثر من|يتجاوز|تتجاوز|فوق';
const LOWER =
  'under|below|less than|fewer than|drops below|menos de|por debajo de|inferior a|moins de|en dessous de|weniger als|unter|abaixo de|sotto|meno di|inferiore a|少于|低于|不足|اقل من';
const ARTICLES = '(?:\\s(?:the|los|las|les|die|den|der|i|os|as|le|la|el|il|a|de|du|des|al|del|dei))*';
const AMOUNT = '\\s?(?:[£$€¥]|eur |usd |r\\$ )?\\s?(\\d[\\d.,]*)';
const thresholdAfter = (words: string) => new RegExp(`(?<![a-z])(?:${words})${ARTICLES}${AMOUNT}`, 'u');
const THRESHOLD_BEFORE =
  /(\d[\d.,]*)\s?(万)?\s?(?:[£$€¥]|円|元|ユーロ|ドル|euros?|dollars?|pounds?|個|件|人|点|本|台|つ|个|件|份)?\s?(以上|を超|超え|超过|より多|以下|未満|より少|以内)/u;

export type Threshold = { value: number; op: 'gt' | 'lt' };

const amount = (text: string) => Number(text.replace(/,/g, '.').replace(/\.(?=\d{3})/g, '')) || null;

function thresholdIn(text: string): Threshold | null {
  for (const [words, op] of [
    [UPPER, 'gt'],
    [LOWER, 'lt'],
  ] as const) {
    const match = thresholdAfter(words).exec(text);
    const value = match ? amount(match[1]!) : null;
    if (value !== null) return { value, op };
  }
  const before = THRESHOLD_BEFORE.exec(text);
  const value = before ? (amount(before[1]!) ?? 0) * (before[2] ? 10_000 : 1) : 0;
  if (!before || !value) return null;
  return { value, op: /以下|未満|より少|以内/.test(before[3]!) ? 'lt' : 'gt' };
}

function urlIn(prompt: string): string | null {
  for (const [candidate] of prompt.matchAll(/https?:\/\/[^\s"'<>`{}|\\^]+/giu)) {
    const url = candidate.replace(/[.,;:!?)\]]+$/, '');
    if (url.length <= 2_048 && checkUrlStatically(url).ok) return url;
  }
  return null;
}

function categoryOf(text: string, entities: Concept[]): TemplateCategory | null {
  let best: TemplateCategory | null = null;
  let bestScore = 0;
  for (const [category, rule] of Object.entries(categoryRules) as [TemplateCategory, Concept[]][]) {
    const score = rule.filter((concept) => entities.includes(concept) || mentions(text, concept)).length;
    if (score > bestScore) [best, bestScore] = [category, score];
  }
  return best;
}

export function extractIntent(prompt: string, { timezone = 'UTC' }: { timezone?: string } = {}): Intent {
  const text = normalizeText(prompt);
  const has = (concept: Concept) => mentions(text, concept);
  const apps = appsIn(text);
  const entities = entityConcepts.filter(has);
  const backup = has('backup');
  const reactive = has('when');
  const schedule = extractSchedule(text, { nightly: backup, reactive, recurring: backup || has('report') });
  const url = urlIn(prompt);
  const threshold = has('compare') ? thresholdIn(text) : null;
  const channels = [
    ...new Set([...apps.flatMap((app) => channelApps[app] ?? []), ...(has('email') ? ['email' as const] : [])]),
  ] as Channel[];
  const sheet = apps.includes('Google Sheets') || has('sheet');
  const report = has('report');

  const monitors = has('down') && (entities.includes('website') || url !== null);
  const cron = schedule.cron ?? (monitors ? '*/5 * * * *' : null);
  const eventful = entities.some((entity) => eventEntities.includes(entity));
  let trigger: Intent['trigger'] = { type: 'manual' };
  if (cron) trigger = { type: 'schedule', cron, timezone };
  else if (has('workflowFailed')) trigger = { type: 'event', event: 'workflow.failed' };
  else if (has('manual')) trigger = { type: 'manual' };
  else if (
    reactive ||
    has('fresh') ||
    (entities.length > 0 && (has('conditional') || threshold !== null || has('approval') || has('urgent'))) ||
    (eventful && (schedule.delay !== null || (!backup && !report && !has('fetch') && sendsSomewhere(apps, text))))
  )
    trigger = { type: 'webhook' };

  const pulls = trigger.type !== 'webhook' && trigger.type !== 'event';
  const wantsData = backup || report || entities.length > 0 || apps.some((app) => sourceApps.includes(app));
  const actions = new Set<IntentAction>();
  if (url || has('down') || (pulls && (has('fetch') || wantsData))) actions.add('fetch');
  if (threshold !== null || has('down') || (has('urgent') && trigger.type === 'webhook')) actions.add('condition');
  if (schedule.delay) actions.add('delay');
  if (has('approval')) actions.add('approval');
  if (report) actions.add('report');
  if (backup) actions.add('backup');
  if (sheet && !backup) actions.add('google_sheets');
  if (apps.includes('Notion') && !backup) actions.add('notion');
  if (!backup && apps.some((app) => recordApps.includes(app)) && !sheet) actions.add('create_record');
  for (const channel of channels) actions.add(channel);
  const delivers = ['google_sheets', 'notion', 'create_record', 'backup'].some((action) =>
    actions.has(action as never),
  );
  if (channels.length === 0 && (report || has('notify') || has('down')) && !(delivers && !report)) actions.add('email');

  const injection = has('injection');
  const recognised = !injection && (trigger.type !== 'manual' || actions.size > 0 || apps.length > 0);
  if (!recognised)
    return {
      recognised,
      trigger: { type: 'manual' },
      apps: [],
      entities: [],
      actions: [],
      channels: [],
      category: null,
      threshold: null,
      delay: null,
      url: null,
    };
  return {
    recognised,
    trigger,
    apps,
    entities,
    actions: [...actions],
    channels: channels.length > 0 ? channels : actions.has('email') ? ['email'] : [],
    category: categoryOf(text, entities),
    threshold,
    delay: schedule.delay,
    url,
  };
}
