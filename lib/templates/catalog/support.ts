// Built-in support templates: urgent-ticket triage, acknowledgements, a Notion ticket log, surveys and SLA warnings.
import { defineTemplate } from '../define-template';

const ticket = 'trigger.payload.body';

export const supportTemplates = [
  defineTemplate({
    slug: 'urgent-ticket-telegram-triage',
    category: 'support',
    apps: ['Telegram'],
    definition: {
      name: 'Urgent ticket triage → Telegram',
      description:
        'Post new tickets as JSON { id, subject, priority, customer_email } to this workflow’s webhook URL. Add a Telegram credential named telegram-support and set your on-call chat id.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'triage',
          type: 'condition',
          config: {
            match: 'any',
            rules: [
              { left: `{{${ticket}.priority}}`, op: 'eq', right: 'urgent' },
              {
                left: `{{${ticket}.subject}}`,
                op: 'matches',
                right: '[Uu]rgent|URGENT|[Oo]utage|[Dd]own|[Cc]an.?t log ?in|[Rr]efund',
              },
            ],
            then: 'page_on_call',
            else: 'queue',
          },
        },
        {
          id: 'page_on_call',
          type: 'telegram',
          next: null,
          config: {
            credential: 'telegram-support',
            chatId: 'YOUR-TELEGRAM-CHAT-ID',
            text: `Urgent ticket #{{${ticket}.id}} from {{${ticket}.customer_email}}: {{${ticket}.subject}}`,
          },
        },
        { id: 'queue', type: 'log', config: { message: `Ticket #{{${ticket}.id}} queued for normal handling` } },
      ],
    },
  }),
  defineTemplate({
    slug: 'ticket-auto-acknowledge',
    category: 'support',
    definition: {
      name: 'Acknowledge every new ticket by email',
      description:
        'Post new tickets as JSON { id, subject, customer_email, customer_name } to this workflow’s webhook URL.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'acknowledge',
          type: 'email',
          config: {
            to: `{{${ticket}.customer_email}}`,
            subject: `We received your request: {{${ticket}.subject}} [#{{${ticket}.id}}]`,
            text: `Hello {{${ticket}.customer_name}},\n\nThank you for getting in touch. Your ticket number is #{{${ticket}.id}}; we answer most requests within one working day.\n\nReply to this email to add anything.`,
          },
        },
        { id: 'record', type: 'log', config: { message: `Ticket #{{${ticket}.id}} acknowledged` } },
      ],
    },
  }),
  defineTemplate({
    slug: 'support-ticket-to-notion',
    category: 'support',
    apps: ['Notion'],
    definition: {
      name: 'Support tickets → Notion board',
      description:
        'Post new tickets as JSON { id, subject, priority, customer_email, message } to this workflow’s webhook URL. Replace the database id with your board’s (Customer, Priority and Status properties) and add a Notion credential named notion-support.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'add_ticket',
          type: 'notion',
          config: {
            credential: 'notion-support',
            databaseId: 'YOUR-NOTION-DATABASE-ID',
            title: `#{{${ticket}.id}} {{${ticket}.subject}}`,
            properties: {
              Customer: { email: `{{${ticket}.customer_email}}` },
              Priority: { select: { name: `{{${ticket}.priority}}` } },
              Status: { select: { name: 'Open' } },
            },
            content: `{{${ticket}.message}}`,
          },
        },
        {
          id: 'record',
          type: 'log',
          config: { message: `Ticket #{{${ticket}.id}} added to Notion: {{steps.add_ticket.output.url}}` },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'csat-survey-after-resolution',
    category: 'support',
    definition: {
      name: 'Satisfaction survey after a solved ticket',
      description:
        'Post ticket updates as JSON { id, status, customer_email, customer_name } to this workflow’s webhook URL. Replace the survey link with yours.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'is_solved',
          type: 'condition',
          config: { rules: [{ left: `{{${ticket}.status}}`, op: 'eq', right: 'solved' }], then: 'wait', else: null },
        },
        { id: 'wait', type: 'delay', config: { hours: 24 } },
        {
          id: 'ask_feedback',
          type: 'email',
          config: {
            to: `{{${ticket}.customer_email}}`,
            subject: 'How did we do?',
            text: `Hello {{${ticket}.customer_name}},\n\nWe solved your ticket #{{${ticket}.id}} yesterday. How did we do? One click tells us: https://your-site.example.com/feedback?ticket={{${ticket}.id}}\n\nThank you.`,
          },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'sla-breach-warning',
    category: 'support',
    apps: ['Zendesk', 'Slack'],
    definition: {
      name: 'Unanswered ticket after 4 hours → Slack',
      description:
        'In Zendesk, add a webhook for new tickets sending { id, subject } to this workflow’s URL. Replace YOUR-SUBDOMAIN and YOUR-BASE64-EMAIL-AND-TOKEN, and add a Slack credential named slack-support.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        { id: 'wait', type: 'delay', config: { hours: 4 } },
        {
          id: 'check_ticket',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: `https://YOUR-SUBDOMAIN.zendesk.com/api/v2/tickets/{{${ticket}.id}}.json`,
            headers: { Authorization: 'Basic YOUR-BASE64-EMAIL-AND-TOKEN' },
          },
        },
        {
          id: 'still_new',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.check_ticket.output.body.ticket.status}}', op: 'eq', right: 'new' }],
            then: 'warn',
            else: null,
          },
        },
        {
          id: 'warn',
          type: 'slack',
          config: {
            credential: 'slack-support',
            text: `:hourglass: Ticket #{{${ticket}.id}} "{{${ticket}.subject}}" has waited 4 hours without an answer: https://YOUR-SUBDOMAIN.zendesk.com/agent/tickets/{{${ticket}.id}}`,
          },
        },
      ],
    },
  }),
];
