// Built-in e-commerce templates: refunds with approval, abandoned baskets, order logs, reviews and stock.
import { defineTemplate } from '../define-template';

const body = 'trigger.payload.body';
const shopifyToken = { 'X-Shopify-Access-Token': 'YOUR-ADMIN-API-TOKEN' };

export const ecommerceTemplates = [
  defineTemplate({
    slug: 'refund-approval-over-100',
    category: 'ecommerce',
    apps: ['Stripe'],
    definition: {
      name: 'Refund over £100 needs approval',
      description:
        'Post refund requests as JSON { payment_intent, amount, currency, order, customer_email, reason } to this workflow’s webhook URL (amount in pounds). Replace YOUR-STRIPE-SECRET-KEY with a restricted key that can write refunds.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'check_amount',
          type: 'condition',
          config: {
            rules: [{ left: `{{${body}.amount}}`, op: 'gt', right: 100 }],
            then: 'ask_manager',
            else: 'refund',
          },
        },
        {
          id: 'ask_manager',
          type: 'approval',
          config: {
            message: `Refund {{${body}.amount}} {{${body}.currency}} for order {{${body}.order}} ({{${body}.customer_email}})? Reason: {{${body}.reason}}`,
          },
        },
        {
          id: 'refund',
          type: 'http_request',
          config: {
            method: 'POST',
            url: 'https://api.stripe.com/v1/refunds',
            headers: {
              Authorization: 'Bearer YOUR-STRIPE-SECRET-KEY',
              'Content-Type': 'application/x-www-form-urlencoded',
            },
            body: `payment_intent={{${body}.payment_intent}}&reason=requested_by_customer`,
          },
        },
        {
          id: 'tell_customer',
          type: 'email',
          config: {
            to: `{{${body}.customer_email}}`,
            subject: `Your refund for order {{${body}.order}}`,
            text: `Hello,\n\nWe have refunded {{${body}.amount}} {{${body}.currency}} for order {{${body}.order}}. It usually reaches your account within 5 to 10 working days.\n\nThank you for your patience.`,
          },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'abandoned-cart-reminder',
    category: 'ecommerce',
    apps: ['Shopify'],
    definition: {
      name: 'Abandoned basket reminder',
      description:
        'In Shopify, add a "Checkout creation" webhook (JSON) pointing at this workflow’s URL. Replace YOUR-SHOP and YOUR-ADMIN-API-TOKEN (read_orders).',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'has_email',
          type: 'condition',
          config: { rules: [{ left: `{{${body}.email}}`, op: 'exists' }], then: 'wait', else: null },
        },
        { id: 'wait', type: 'delay', config: { hours: 3 } },
        {
          id: 'find_order',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://YOUR-SHOP.myshopify.com/admin/api/2024-10/orders.json',
            query: { status: 'any', email: `{{${body}.email}}`, limit: 1, fields: 'id' },
            headers: shopifyToken,
          },
        },
        {
          id: 'not_ordered',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.find_order.output.body.orders.0}}', op: 'not_exists' }],
            then: 'remind',
            else: null,
          },
        },
        {
          id: 'remind',
          type: 'email',
          config: {
            to: `{{${body}.email}}`,
            subject: 'You left something in your basket',
            text: `Hello,\n\nYour basket ({{${body}.total_price}} {{${body}.currency}}) is still waiting for you. Pick up where you left off: {{${body}.abandoned_checkout_url}}\n\nQuestions? Just reply to this email.`,
          },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'shopify-order-to-google-sheets',
    category: 'ecommerce',
    apps: ['Shopify', 'Google Sheets'],
    definition: {
      name: 'Every Shopify order → Google Sheets',
      description:
        'In Shopify, add an "Order creation" webhook (JSON) pointing at this workflow’s URL. Replace YOUR_SPREADSHEET_ID and add a Google Sheets credential named google-sheets.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        {
          id: 'append_row',
          type: 'google_sheets',
          config: {
            credential: 'google-sheets',
            spreadsheetId: 'YOUR_SPREADSHEET_ID',
            range: 'Orders!A:F',
            values: [
              [
                `{{${body}.created_at}}`,
                `{{${body}.name}}`,
                `{{${body}.email}}`,
                `{{${body}.total_price}}`,
                `{{${body}.currency}}`,
                `{{${body}.financial_status}}`,
              ],
            ],
          },
        },
        {
          id: 'record',
          type: 'log',
          config: { message: `Order {{${body}.name}} added to the sheet ({{steps.append_row.output.updatedRange}})` },
        },
      ],
    },
  }),
  defineTemplate({
    slug: 'review-request-after-delivery',
    category: 'ecommerce',
    apps: ['Shopify'],
    definition: {
      name: 'Ask for a review a week after shipping',
      description:
        'In Shopify, add a "Fulfillment creation" webhook (JSON) pointing at this workflow’s URL. Replace the review link with yours.',
      trigger: { type: 'webhook', requireSignature: false },
      steps: [
        { id: 'wait', type: 'delay', config: { days: 7 } },
        {
          id: 'ask_review',
          type: 'email',
          config: {
            to: `{{${body}.email}}`,
            subject: 'How do you like your order?',
            text: `Hello {{${body}.destination.first_name}},\n\nYour order should have arrived by now. Would you tell other customers what you think? It takes a minute: https://your-shop.example.com/reviews?order={{${body}.order_id}}\n\nThank you!`,
          },
        },
        { id: 'record', type: 'log', config: { message: `Review request sent for order {{${body}.order_id}}` } },
      ],
    },
  }),
  defineTemplate({
    slug: 'out-of-stock-daily-email',
    category: 'ecommerce',
    apps: ['WooCommerce'],
    definition: {
      name: 'Daily out-of-stock email',
      description:
        'Replace your-store.example.com, YOUR-BASE64-CONSUMER-KEY-AND-SECRET (base64 of key:secret) and you@example.com.',
      trigger: { type: 'schedule', cron: '0 7 * * *', timezone: 'Europe/London' },
      steps: [
        {
          id: 'fetch_products',
          type: 'http_request',
          actionClass: 'A',
          config: {
            method: 'GET',
            url: 'https://your-store.example.com/wp-json/wc/v3/products',
            query: { stock_status: 'outofstock', per_page: 100 },
            headers: { Authorization: 'Basic YOUR-BASE64-CONSUMER-KEY-AND-SECRET' },
          },
        },
        {
          id: 'any_out',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.fetch_products.output.body.0}}', op: 'exists' }],
            then: 'to_list',
            else: null,
          },
        },
        {
          id: 'to_list',
          type: 'transform',
          config: { map: { over: '{{steps.fetch_products.output.body}}', to: '{{item.name}} (SKU {{item.sku}})' } },
        },
        {
          id: 'send_list',
          type: 'email',
          config: {
            to: 'you@example.com',
            subject: '{{steps.fetch_products.output.body.length}} products are out of stock',
            text: 'These products are out of stock in your store:\n\n{{steps.to_list.output}}\n\nRestock them or hide them from the shop.',
          },
        },
      ],
      settings: { timezone: 'Europe/London' },
    },
  }),
];
