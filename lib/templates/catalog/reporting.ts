// Built-in reporting templates: weekly sales, traffic and invoice summaries, and a daily signup log.
import { defineTemplate } from '../define-template';

export const reportingTemplates = [
  defineTemplate({
    slug: 'weekly-sales-report-email',
    category: 'reporting',
    apps: ['WooCommerce'],
    definition: {
      name: 'Weekly sales report email',
      description:
        'Replace your-store.example.com, YOUR-BASE64-CONSUMER-KEY-AND-SECRET (base64 of key:secret) and you@example.com.',
      trigger: { type: 'schedule', cron: '0 8 * * 1', timezone: 'Europe/London' },
      steps: [
        {
          id: 'fetch_sales',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://your-store.example.com/wp-json/wc/v3/reports/sales',
            query: { period: 'week' },
            headers: { Authorization: 'Basic YOUR-BASE64-CONSUMER-KEY-AND-SECRET' },
          },
        },
        {
          id: 'send_report',
          type: 'email',
          config: {
            to: 'you@example.com',
            subject: 'Weekly sales: {{steps.fetch_sales.output.body.0.total_sales}}',
            text: [
              'Your shop over the last 7 days:',
              '',
              'Total sales: {{steps.fetch_sales.output.body.0.total_sales}}',
              'Net sales: {{steps.fetch_sales.output.body.0.net_sales}}',
              'Orders: {{steps.fetch_sales.output.body.0.total_orders}}',
              'Items sold: {{steps.fetch_sales.output.body.0.total_items}}',
              'Refunds: {{steps.fetch_sales.output.body.0.total_refunds}}',
              'Discounts: {{steps.fetch_sales.output.body.0.total_discount}}',
              '',
              'Sent by your Levqor workflow.',
            ].join('\n'),
          },
        },
      ],
      settings: { timezone: 'Europe/London' },
    },
  }),
  defineTemplate({
    slug: 'weekly-traffic-report-slack',
    category: 'reporting',
    apps: ['Plausible', 'Slack'],
    definition: {
      name: 'Weekly website traffic to Slack',
      description:
        'Replace your-site.example.com and YOUR-PLAUSIBLE-API-KEY, and add a Slack credential named slack-reports.',
      trigger: { type: 'schedule', cron: '0 9 * * 1', timezone: 'Europe/London' },
      steps: [
        {
          id: 'fetch_stats',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://plausible.io/api/v1/stats/aggregate',
            query: {
              site_id: 'your-site.example.com',
              period: '7d',
              metrics: 'visitors,pageviews,bounce_rate,visit_duration',
            },
            headers: { Authorization: 'Bearer YOUR-PLAUSIBLE-API-KEY' },
          },
        },
        {
          id: 'post_summary',
          type: 'slack',
          config: {
            credential: 'slack-reports',
            text: [
              ':bar_chart: *Last 7 days on your-site.example.com*',
              'Visitors: {{steps.fetch_stats.output.body.results.visitors.value}}',
              'Page views: {{steps.fetch_stats.output.body.results.pageviews.value}}',
              'Bounce rate: {{steps.fetch_stats.output.body.results.bounce_rate.value}}%',
              'Average visit: {{steps.fetch_stats.output.body.results.visit_duration.value}} s',
            ].join('\n'),
          },
        },
      ],
      settings: { timezone: 'Europe/London' },
    },
  }),
  defineTemplate({
    slug: 'daily-signups-to-google-sheets',
    category: 'reporting',
    apps: ['Google Sheets'],
    definition: {
      name: 'Daily signups to Google Sheets',
      description:
        'Replace the signups API URL and YOUR-API-TOKEN with your app’s; it should answer { "signups": [ … ] }. Add a Google Sheets credential named google-sheets.',
      trigger: { type: 'schedule', cron: '55 23 * * *', timezone: 'Europe/London' },
      steps: [
        {
          id: 'fetch_signups',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://api.your-app.example.com/v1/signups',
            query: { since: '24h' },
            headers: { Authorization: 'Bearer YOUR-API-TOKEN' },
          },
        },
        {
          id: 'any_signups',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.fetch_signups.output.body.signups.0}}', op: 'exists' }],
            then: 'to_rows',
            else: null,
          },
        },
        {
          id: 'to_rows',
          type: 'transform',
          config: {
            map: {
              over: '{{steps.fetch_signups.output.body.signups}}',
              to: ['{{item.created_at}}', '{{item.email}}', '{{item.name}}', '{{item.plan}}'],
            },
          },
        },
        {
          id: 'append_rows',
          type: 'google_sheets',
          config: {
            credential: 'google-sheets',
            spreadsheetId: 'YOUR_SPREADSHEET_ID',
            range: 'Signups!A:D',
            values: '{{steps.to_rows.output}}',
          },
        },
      ],
      settings: { timezone: 'Europe/London' },
    },
  }),
  defineTemplate({
    slug: 'weekly-open-invoices-report',
    category: 'reporting',
    apps: ['Stripe'],
    definition: {
      name: 'Weekly open invoices report',
      description: 'Replace YOUR-STRIPE-RESTRICTED-KEY (read access to invoices) and you@example.com.',
      trigger: { type: 'schedule', cron: '0 9 * * 5', timezone: 'Europe/London' },
      steps: [
        {
          id: 'fetch_invoices',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://api.stripe.com/v1/invoices',
            query: { status: 'open', limit: 100 },
            headers: { Authorization: 'Bearer YOUR-STRIPE-RESTRICTED-KEY' },
          },
        },
        {
          id: 'to_rows',
          type: 'transform',
          config: {
            map: {
              over: '{{steps.fetch_invoices.output.body.data}}',
              to: {
                number: '{{item.number}}',
                customer: '{{item.customer_email}}',
                amount_due: '{{item.amount_due}}',
                currency: '{{item.currency}}',
                due_date: '{{item.due_date}}',
                link: '{{item.hosted_invoice_url}}',
              },
            },
          },
        },
        {
          id: 'save_csv',
          type: 'backup',
          config: { name: 'Open invoices', format: 'csv', data: '{{steps.to_rows.output}}', source: 'Stripe API' },
        },
        {
          id: 'send_report',
          type: 'email',
          config: {
            to: 'you@example.com',
            subject: 'Open invoices this week: {{steps.fetch_invoices.output.body.data.length}}',
            text: 'You have {{steps.fetch_invoices.output.body.data.length}} open Stripe invoices. The full list (number, customer, amount due in minor units, due date and payment link) is saved as a CSV in Levqor Backups.',
          },
        },
      ],
      settings: { timezone: 'Europe/London' },
    },
  }),
];
