// Steps for a request no built-in template fits, composed from step-type rules in a fixed order:
// [fetch] → [condition] → [delay] → [approval] → [summary] → action(s) → record. Unknown values are `YOUR-…` placeholders.
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';
import type { Concept } from './lexicon';
import type { AppName } from './lexicon/apps';
import type { Intent } from './extract-intent';
import { englishStepTexts, type StepTexts, type ThingConcept, thingConcepts } from './step-texts';

type Step = WorkflowDefinitionInput['steps'][number];

const resources: Partial<Record<Concept, string>> = {
  order: 'orders',
  customer: 'customers',
  invoice: 'invoices',
  refund: 'refunds',
  stock: 'products',
  lead: 'contacts',
  payment: 'charges',
  dispute: 'disputes',
  ticket: 'tickets',
  signup: 'customers',
  sales: 'orders',
};
const stripeResources: Partial<Record<Concept, string>> = { order: 'charges', sales: 'charges', stock: 'products' };

function resourceOf(intent: Intent, app?: AppName): string {
  const entity = intent.entities.find((concept) => resources[concept]);
  if (app === 'Stripe' && entity && stripeResources[entity]) return stripeResources[entity]!;
  return (entity && resources[entity]) ?? (app === 'Stripe' ? 'customers' : 'orders');
}

function fetchConfig(intent: Intent): Record<string, unknown> {
  const watchesSite = intent.actions.includes('condition') && intent.threshold === null && !intent.apps.length;
  if (intent.url) return { method: 'GET', url: intent.url, ...(watchesSite ? siteCheck : {}) };
  const app = intent.apps.find((name) => fetchSources[name]);
  if (app) return fetchSources[app]!(resourceOf(intent, app));
  if (intent.entities.includes('website') || watchesSite)
    return { method: 'GET', url: 'https://www.example.com/', ...siteCheck };
  return { method: 'GET', url: `https://YOUR-API.example.com/${resourceOf(intent)}` };
}

const siteCheck = {
  timeoutMs: 10_000,
  expectStatus: [200, 204, 301, 302, 304, 400, 401, 403, 404, 429, 500, 502, 503, 504],
};
const fetchSources: Partial<Record<AppName, (resource: string) => Record<string, unknown>>> = {
  Shopify: (resource) => ({
    method: 'GET',
    url: `https://YOUR-SHOP.myshopify.com/admin/api/2024-10/${resource === 'contacts' ? 'customers' : resource}.json`,
    headers: { 'X-Shopify-Access-Token': 'YOUR-ADMIN-API-TOKEN' },
  }),
  Stripe: (resource) => ({
    method: 'GET',
    url: `https://api.stripe.com/v1/${['tickets', 'contacts'].includes(resource) ? 'customers' : resource}`,
    query: { limit: 100 },
    headers: { Authorization: 'Bearer YOUR-STRIPE-RESTRICTED-KEY' },
  }),
  WooCommerce: (resource) => ({
    method: 'GET',
    url: `https://YOUR-STORE.example.com/wp-json/wc/v3/${resource}`,
    headers: { Authorization: 'Basic YOUR-WOOCOMMERCE-API-KEY' },
  }),
  Airtable: () => ({
    method: 'GET',
    url: 'https://api.airtable.com/v0/YOUR_BASE_ID/YOUR_TABLE_NAME',
    headers: { Authorization: 'Bearer YOUR-AIRTABLE-TOKEN' },
  }),
  'Google Sheets': () => ({
    method: 'GET',
    url: 'https://docs.google.com/spreadsheets/d/YOUR_SPREADSHEET_ID/export',
    query: { format: 'csv' },
  }),
  Notion: () => ({
    method: 'POST',
    url: 'https://api.notion.com/v1/databases/YOUR-NOTION-DATABASE-ID/query',
    headers: { Authorization: 'Bearer YOUR-NOTION-TOKEN', 'Notion-Version': '2022-06-28' },
    body: { page_size: 100 },
  }),
  HubSpot: () => ({
    method: 'GET',
    url: 'https://api.hubapi.com/crm/v3/objects/contacts',
    headers: { Authorization: 'Bearer YOUR-HUBSPOT-PRIVATE-APP-TOKEN' },
  }),
  Zendesk: () => ({
    method: 'GET',
    url: 'https://YOUR-SUBDOMAIN.zendesk.com/api/v2/tickets.json',
    query: { status: 'open' },
    headers: { Authorization: 'Basic YOUR-ZENDESK-API-TOKEN' },
  }),
};

function recordConfig(intent: Intent): Record<string, unknown> {
  const fields = { email: '{{trigger.payload.body.email}}', name: '{{trigger.payload.body.name}}' };
  if (intent.apps.includes('HubSpot'))
    return {
      method: 'POST',
      url: 'https://api.hubapi.com/crm/v3/objects/contacts',
      headers: { Authorization: 'Bearer YOUR-HUBSPOT-PRIVATE-APP-TOKEN' },
      body: { properties: { email: fields.email, firstname: fields.name } },
    };
  return {
    method: 'POST',
    url: 'https://api.airtable.com/v0/YOUR_BASE_ID/YOUR_TABLE_NAME',
    headers: { Authorization: 'Bearer YOUR-AIRTABLE-TOKEN' },
    body: { records: [{ fields }] },
  };
}

function conditionRule(intent: Intent, data: string): Record<string, unknown> {
  if (intent.threshold !== null) {
    const field = intent.entities.includes('order') ? 'total_price' : 'amount';
    const left = intent.actions.includes('fetch')
      ? `{{steps.fetch_data.output.body.${field}}}`
      : `{{${data}.${field}}}`;
    return { left, op: intent.threshold.op, right: intent.threshold.value };
  }
  if (intent.actions.includes('fetch') && !intent.entities.includes('ticket'))
    return { left: '{{steps.fetch_data.output.status}}', op: 'gte', right: 500 };
  return { left: `{{${data}.priority}}`, op: 'eq', right: 'urgent' };
}

function delayConfig(intent: Intent): Record<string, number> {
  const { unit, amount } = intent.delay ?? { unit: 'hours', amount: 1 };
  if (unit === 'weeks') return { days: Math.min(amount * 7, 30) };
  return { [unit]: unit === 'days' ? Math.min(amount, 30) : amount };
}

/** The label of what the workflow handles, for names and messages: "Shopify orders", "tickets". */
function subjectOf(intent: Intent, texts: StepTexts): string {
  const elsewhere: AppName[] = ['Slack', 'Telegram', 'Gmail', 'Calendar', 'Notion', 'Google Sheets'];
  const sources = intent.apps.filter((name) => !elsewhere.includes(name));
  const app = sources[0] ?? (intent.actions.includes('backup') ? intent.apps[0] : undefined);
  const thing = intent.entities.find((concept): concept is ThingConcept =>
    (thingConcepts as readonly string[]).includes(concept),
  );
  return texts.subject(thing ?? null, app ?? null);
}

export function composeSteps(intent: Intent, texts: StepTexts = englishStepTexts): Step[] {
  const has = (action: Intent['actions'][number]) => intent.actions.includes(action);
  const webhook = intent.trigger.type === 'webhook';
  const payload = webhook ? 'trigger.payload.body' : 'trigger.payload';
  const data = has('fetch') ? '{{steps.fetch_data.output.body}}' : `{{${payload}}}`;
  const about = subjectOf(intent, texts);
  const message = has('report')
    ? texts.summary('{{trigger.payload.scheduledFor}}', '{{steps.summarise.output}}')
    : has('fetch') && has('condition') && intent.threshold === null
      ? texts.checkNeeded('{{steps.fetch_data.output.status}}')
      : texts.newItems(about, data);
  const steps: Step[] = [];
  if (has('fetch'))
    steps.push({ id: 'fetch_data', type: 'http_request', actionClass: 'A', config: fetchConfig(intent) });
  if (has('condition'))
    steps.push({
      id: 'check',
      type: 'condition',
      config: { rules: [conditionRule(intent, payload)], then: 'NEXT', else: null },
    });
  if (has('delay')) steps.push({ id: 'wait', type: 'delay', config: delayConfig(intent) });
  if (has('approval')) steps.push({ id: 'approve', type: 'approval', config: { message: texts.approve(data) } });
  if (has('report'))
    steps.push({ id: 'summarise', type: 'transform', config: { value: { subject: about, data: data } } });
  if (has('backup'))
    steps.push({ id: 'save_snapshot', type: 'backup', config: { name: about, format: 'json', data, source: about } });
  if (has('create_record')) steps.push({ id: 'create_record', type: 'http_request', config: recordConfig(intent) });
  if (has('google_sheets'))
    steps.push({
      id: 'add_row',
      type: 'google_sheets',
      config: {
        credential: 'google-sheets',
        spreadsheetId: 'YOUR_SPREADSHEET_ID',
        range: 'Sheet1',
        values: webhook
          ? [['{{trigger.payload.receivedAt}}', `{{${payload}.id}}`, `{{${payload}.email}}`, `{{${payload}.name}}`]]
          : [['{{trigger.payload.scheduledFor}}', has('report') ? '{{steps.summarise.output}}' : data]],
      },
    });
  if (has('notion'))
    steps.push({
      id: 'create_page',
      type: 'notion',
      config: {
        credential: 'notion',
        databaseId: 'YOUR-NOTION-DATABASE-ID',
        title: `{{${payload}.name}}`,
        content: data,
      },
    });
  if (has('slack'))
    steps.push({ id: 'notify_slack', type: 'slack', config: { credential: 'slack-alerts', text: message } });
  if (has('telegram'))
    steps.push({
      id: 'notify_telegram',
      type: 'telegram',
      config: { credential: 'telegram-alerts', chatId: 'YOUR-TELEGRAM-CHAT-ID', text: message },
    });
  if (has('email'))
    steps.push({
      id: 'send_email',
      type: 'email',
      config: { to: 'you@example.com', subject: texts.emailSubject(about), text: message },
    });
  steps.push({ id: 'record', type: 'log', config: { message: texts.finished(about, '{{run.id}}') } });
  return steps.map((step, i) =>
    step.type === 'condition' ? { ...step, config: { ...step.config, then: steps[i + 1]!.id } } : step,
  );
}
