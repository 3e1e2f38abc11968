// Built-in backup templates: snapshots of shop, payment, spreadsheet and database data on a schedule.
import { defineTemplate } from '../define-template';

const stripeKey = { Authorization: 'Bearer YOUR-STRIPE-RESTRICTED-KEY' };

export const backupTemplates = [
  defineTemplate({
    slug: 'shopify-orders-nightly-backup',
    category: 'backups',
    apps: ['Shopify'],
    definition: {
      name: 'Nightly Shopify orders backup',
      description: 'Replace YOUR-SHOP and YOUR-ADMIN-API-TOKEN (a custom app token with read_orders).',
      trigger: { type: 'schedule', cron: '0 2 * * *', timezone: 'Europe/London' },
      steps: [
        {
          id: 'fetch_orders',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://YOUR-SHOP.myshopify.com/admin/api/2024-10/orders.json',
            query: { status: 'any', limit: 250 },
            headers: { 'X-Shopify-Access-Token': 'YOUR-ADMIN-API-TOKEN' },
          },
        },
        {
          id: 'save_snapshot',
          type: 'backup',
          config: {
            name: 'Shopify orders',
            format: 'json',
            data: '{{steps.fetch_orders.output.body.orders}}',
            source: 'Shopify Admin API',
          },
        },
        {
          id: 'record',
          type: 'log',
          config: {
            message:
              'Saved {{steps.save_snapshot.output.sizeBytes}} bytes of Shopify orders (snapshot {{steps.save_snapshot.output.snapshotId}})',
          },
        },
      ],
      settings: { timezone: 'Europe/London' },
    },
  }),
  defineTemplate({
    slug: 'stripe-customers-weekly-csv-backup',
    category: 'backups',
    apps: ['Stripe'],
    definition: {
      name: 'Weekly Stripe customers CSV backup',
      description: 'Replace YOUR-STRIPE-RESTRICTED-KEY with a restricted key that can read customers.',
      trigger: { type: 'schedule', cron: '0 3 * * 0', timezone: 'UTC' },
      steps: [
        {
          id: 'fetch_customers',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://api.stripe.com/v1/customers',
            query: { limit: 100 },
            headers: stripeKey,
          },
        },
        {
          id: 'to_rows',
          type: 'transform',
          config: {
            map: {
              over: '{{steps.fetch_customers.output.body.data}}',
              to: { id: '{{item.id}}', email: '{{item.email}}', name: '{{item.name}}', created: '{{item.created}}' },
            },
          },
        },
        {
          id: 'save_csv',
          type: 'backup',
          config: { name: 'Stripe customers', format: 'csv', data: '{{steps.to_rows.output}}', source: 'Stripe API' },
        },
        {
          id: 'record',
          type: 'log',
          config: { message: 'Stripe customers saved as CSV (snapshot {{steps.save_csv.output.snapshotId}})' },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'google-sheet-daily-backup',
    category: 'backups',
    apps: ['Google Sheets'],
    definition: {
      name: 'Daily Google Sheet backup',
      description: 'Replace YOUR_SPREADSHEET_ID; the sheet must be shared as "anyone with the link can view".',
      trigger: { type: 'schedule', cron: '30 1 * * *', timezone: 'Europe/London' },
      steps: [
        {
          id: 'export_sheet',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://docs.google.com/spreadsheets/d/YOUR_SPREADSHEET_ID/export',
            query: { format: 'csv' },
          },
        },
        {
          id: 'save_csv',
          type: 'backup',
          config: {
            name: 'Google Sheet',
            format: 'csv',
            data: '{{steps.export_sheet.output.body}}',
            source: 'Google Sheets CSV export',
          },
        },
        {
          id: 'record',
          type: 'log',
          config: {
            message: 'Sheet saved: {{steps.save_csv.output.sizeBytes}} bytes, SHA-256 {{steps.save_csv.output.sha256}}',
          },
        },
      ],
      settings: { timezone: 'Europe/London' },
    },
  }),
  defineTemplate({
    slug: 'airtable-table-backup',
    category: 'backups',
    apps: ['Airtable'],
    definition: {
      name: 'Nightly Airtable table backup',
      description: 'Replace YOUR_BASE_ID, YOUR_TABLE_NAME, YOUR-AIRTABLE-TOKEN and you@example.com.',
      trigger: { type: 'schedule', cron: '0 1 * * *', timezone: 'UTC' },
      steps: [
        {
          id: 'fetch_records',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://api.airtable.com/v0/YOUR_BASE_ID/YOUR_TABLE_NAME',
            query: { pageSize: 100 },
            headers: { Authorization: 'Bearer YOUR-AIRTABLE-TOKEN' },
          },
        },
        {
          id: 'has_records',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.fetch_records.output.body.records.0}}', op: 'exists' }],
            then: 'save_snapshot',
            else: 'warn_empty',
          },
        },
        {
          id: 'save_snapshot',
          type: 'backup',
          next: null,
          config: {
            name: 'Airtable records',
            format: 'json',
            data: '{{steps.fetch_records.output.body.records}}',
            source: 'Airtable API',
          },
        },
        {
          id: 'warn_empty',
          type: 'email',
          config: {
            to: 'you@example.com',
            subject: 'Airtable backup found no records',
            text: 'Tonight’s Airtable backup found an empty table. Check that the table still exists and that the token can read it.',
          },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'webhook-payload-archive',
    category: 'backups',
    definition: {
      name: 'Archive every incoming webhook',
      description: 'Point any service’s webhook at this workflow’s URL; every delivery is stored as a JSON snapshot.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'shape',
          type: 'transform',
          config: { value: { receivedAt: '{{trigger.payload.receivedAt}}', payload: '{{trigger.payload.body}}' } },
        },
        {
          id: 'save_snapshot',
          type: 'backup',
          config: {
            name: 'Webhook delivery',
            format: 'json',
            data: '{{steps.shape.output}}',
            source: 'Inbound webhook',
          },
        },
        {
          id: 'record',
          type: 'log',
          config: { message: 'Webhook delivery archived (snapshot {{steps.save_snapshot.output.snapshotId}})' },
        },
      ],
    },
  }),
];
