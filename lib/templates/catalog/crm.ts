// Built-in CRM templates: new leads into Notion or HubSpot, hot leads to sales, new customers into a sheet.
import { defineTemplate } from '../define-template';

const lead = 'trigger.payload.body';

export const crmTemplates = [
  defineTemplate({
    slug: 'new-lead-notion-crm',
    category: 'crm',
    apps: ['Notion'],
    definition: {
      name: 'New lead → Notion CRM row',
      description:
        'Post your contact form as JSON { name, email, company, message } to this workflow’s webhook URL. Replace the database id with your CRM database’s (it needs Email, Company and Status properties) and add a Notion credential named notion-crm.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'add_lead',
          type: 'notion',
          config: {
            credential: 'notion-crm',
            databaseId: 'YOUR-NOTION-DATABASE-ID',
            title: `{{${lead}.name}}`,
            properties: {
              Email: { email: `{{${lead}.email}}` },
              Company: { rich_text: [{ text: { content: `{{${lead}.company}}` } }] },
              Status: { select: { name: 'New lead' } },
            },
            content: `{{${lead}.message}}`,
          },
        },
        {
          id: 'record',
          type: 'log',
          config: { message: `Lead {{${lead}.email}} added to Notion: {{steps.add_lead.output.url}}` },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'hubspot-contact-from-form',
    category: 'crm',
    apps: ['HubSpot'],
    definition: {
      name: 'Website form → HubSpot contact',
      description:
        'Post your form as JSON { email, firstname, lastname, company, phone } to this workflow’s webhook URL. Replace YOUR-HUBSPOT-PRIVATE-APP-TOKEN (crm.objects.contacts.write).',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'create_contact',
          type: 'http_request',
          config: {
            method: 'POST',
            url: 'https://api.hubapi.com/crm/v3/objects/contacts',
            headers: { Authorization: 'Bearer YOUR-HUBSPOT-PRIVATE-APP-TOKEN' },
            body: {
              properties: {
                email: `{{${lead}.email}}`,
                firstname: `{{${lead}.firstname}}`,
                lastname: `{{${lead}.lastname}}`,
                company: `{{${lead}.company}}`,
                phone: `{{${lead}.phone}}`,
              },
            },
            expectStatus: [201, 409],
          },
        },
        {
          id: 'is_new',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.create_contact.output.status}}', op: 'eq', right: 201 }],
            then: 'record_new',
            else: 'record_existing',
          },
        },
        {
          id: 'record_new',
          type: 'log',
          next: null,
          config: { message: `Created HubSpot contact {{steps.create_contact.output.body.id}} for {{${lead}.email}}` },
        },
        { id: 'record_existing', type: 'log', config: { message: `{{${lead}.email}} is already a HubSpot contact` } },
      ],
    },
  }),
  defineTemplate({
    slug: 'hot-lead-slack-alert',
    category: 'crm',
    apps: ['Slack'],
    definition: {
      name: 'Hot lead → Slack for sales',
      description:
        'Post your form as JSON { name, email, company, budget, company_size } to this workflow’s webhook URL. Change the thresholds to yours and add a Slack credential named slack-sales.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'score',
          type: 'condition',
          config: {
            match: 'any',
            rules: [
              { left: `{{${lead}.budget}}`, op: 'gte', right: 5000 },
              { left: `{{${lead}.company_size}}`, op: 'gte', right: 50 },
            ],
            then: 'notify_sales',
            else: 'record',
          },
        },
        {
          id: 'notify_sales',
          type: 'slack',
          next: null,
          config: {
            credential: 'slack-sales',
            text: `:fire: Hot lead: {{${lead}.name}} from {{${lead}.company}}, budget {{${lead}.budget}}, {{${lead}.company_size}} people. Reply to {{${lead}.email}} today.`,
          },
        },
        { id: 'record', type: 'log', config: { message: `Lead {{${lead}.email}} kept for normal follow-up` } },
      ],
    },
  }),
  defineTemplate({
    slug: 'new-customer-google-sheets',
    category: 'crm',
    apps: ['Stripe', 'Google Sheets'],
    definition: {
      name: 'New Stripe customer → Google Sheets row',
      description:
        'In Stripe, send customer.created events to this workflow’s webhook URL. Replace YOUR_SPREADSHEET_ID and add a Google Sheets credential named google-sheets.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'is_customer',
          type: 'condition',
          config: {
            rules: [{ left: '{{trigger.payload.body.type}}', op: 'eq', right: 'customer.created' }],
            then: 'append_row',
            else: null,
          },
        },
        {
          id: 'append_row',
          type: 'google_sheets',
          config: {
            credential: 'google-sheets',
            spreadsheetId: 'YOUR_SPREADSHEET_ID',
            range: 'Customers!A:D',
            valueInputOption: 'RAW',
            values: [
              [
                '{{trigger.payload.body.data.object.created}}',
                '{{trigger.payload.body.data.object.email}}',
                '{{trigger.payload.body.data.object.name}}',
                '{{trigger.payload.body.data.object.id}}',
              ],
            ],
          },
        },
      ],
    },
  }),
];
