// Built-in alert templates: failed payments, disputes, a down website and big orders, to Slack or Telegram.
import { defineTemplate } from '../define-template';

const stripeObject = 'trigger.payload.body.data.object';
const order = 'trigger.payload.body';

export const alertTemplates = [
  defineTemplate({
    slug: 'failed-payment-slack-alert',
    category: 'alerts',
    apps: ['Stripe', 'Slack'],
    definition: {
      name: 'Failed payment → Slack alert',
      description:
        'In Stripe, send invoice.payment_failed events to this workflow’s webhook URL. Add a Slack credential named slack-alerts.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'is_failure',
          type: 'condition',
          config: {
            rules: [{ left: '{{trigger.payload.body.type}}', op: 'eq', right: 'invoice.payment_failed' }],
            then: 'alert',
            else: null,
          },
        },
        {
          id: 'alert',
          type: 'slack',
          config: {
            credential: 'slack-alerts',
            text: `:warning: Payment failed for {{${stripeObject}.customer_email}}: {{${stripeObject}.amount_due}} {{${stripeObject}.currency}} (minor units) on invoice {{${stripeObject}.number}}, attempt {{${stripeObject}.attempt_count}}. {{${stripeObject}.hosted_invoice_url}}`,
          },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'dispute-opened-telegram-alert',
    category: 'alerts',
    apps: ['Stripe', 'Telegram'],
    definition: {
      name: 'Payment dispute → Telegram alert',
      description:
        'In Stripe, send charge.dispute.created events to this workflow’s webhook URL. Add a Telegram credential named telegram-alerts and set your chat id.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'is_dispute',
          type: 'condition',
          config: {
            rules: [{ left: '{{trigger.payload.body.type}}', op: 'eq', right: 'charge.dispute.created' }],
            then: 'alert',
            else: null,
          },
        },
        {
          id: 'alert',
          type: 'telegram',
          config: {
            credential: 'telegram-alerts',
            chatId: 'YOUR-TELEGRAM-CHAT-ID',
            text: `Dispute opened: {{${stripeObject}.amount}} {{${stripeObject}.currency}} (minor units), reason "{{${stripeObject}.reason}}". Send evidence in the Stripe dashboard before it is due (dispute {{${stripeObject}.id}}).`,
          },
        },
        {
          id: 'record',
          type: 'log',
          config: { level: 'warn', message: `Dispute {{${stripeObject}.id}} reported to Telegram` },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'website-down-telegram-alert',
    category: 'alerts',
    apps: ['Telegram'],
    definition: {
      name: 'Website down → Telegram alert',
      description:
        'Replace https://www.example.com/ with your site. Add a Telegram credential named telegram-alerts and set your chat id.',
      trigger: { type: 'schedule', cron: '*/5 * * * *', timezone: 'UTC' },
      steps: [
        {
          id: 'check_site',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://www.example.com/',
            timeoutMs: 10_000,
            expectStatus: [200, 204, 301, 302, 304, 400, 401, 403, 404, 429, 500, 502, 503, 504],
          },
        },
        {
          id: 'is_down',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.check_site.output.status}}', op: 'gte', right: 500 }],
            then: 'alert',
            else: null,
          },
        },
        {
          id: 'alert',
          type: 'telegram',
          config: {
            credential: 'telegram-alerts',
            chatId: 'YOUR-TELEGRAM-CHAT-ID',
            text: 'Your website https://www.example.com/ answered HTTP {{steps.check_site.output.status}} at {{trigger.payload.scheduledFor}}.',
          },
        },
      ],
      settings: { retry: { maxAttempts: 2, initialDelayMs: 5_000, maxDelayMs: 30_000 } },
    },
  }),
  defineTemplate({
    slug: 'high-value-order-slack-alert',
    category: 'alerts',
    apps: ['Shopify', 'Slack'],
    definition: {
      name: 'Big order → Slack alert',
      description:
        'In Shopify, add an "Order creation" webhook (JSON) pointing at this workflow’s URL. Change 500 to your threshold. Add a Slack credential named slack-sales.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'is_big',
          type: 'condition',
          config: { rules: [{ left: `{{${order}.total_price}}`, op: 'gte', right: 500 }], then: 'alert', else: null },
        },
        {
          id: 'alert',
          type: 'slack',
          config: {
            credential: 'slack-sales',
            text: `:moneybag: Big order {{${order}.name}}: {{${order}.total_price}} {{${order}.currency}} from {{${order}.customer.first_name}} {{${order}.customer.last_name}} ({{${order}.email}})`,
          },
        },
      ],
    },
  }),
];
