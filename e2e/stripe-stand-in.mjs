// A local Stripe stand-in speaking Stripe's wire format (form-encoded requests, JSON objects and errors, idempotency
// keys), for tests and browser journeys. Its hosted checkout page "pays" and delivers webhooks signed with the real SDK.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Stripe from 'stripe';

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix) => `${prefix}_test_${randomBytes(12).toString('hex')}`;
const list = (data, url) => ({ object: 'list', data, has_more: false, url });

/** Decodes Stripe's bracket notation (`a[b][0]=1&c[]=2`) into nested objects and arrays. */
export function decodeForm(text) {
  const root = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const segments = rawKey.match(/^[^[]+|\[[^\]]*\]/g)?.map((s) => s.replace(/^\[|\]$/g, '')) ?? [rawKey];
    let node = root;
    segments.forEach((segment, i) => {
      const key = segment === '' ? String(Object.keys(node).length) : segment;
      if (i === segments.length - 1) node[key] = value;
      else node = node[key] ??= {};
    });
  }
  const arrays = (value) => {
    if (typeof value !== 'object' || value === null) return value;
    const keys = Object.keys(value);
    const converted = Object.fromEntries(keys.map((key) => [key, arrays(value[key])]));
    return keys.length > 0 && keys.every((key, i) => key === String(i)) ? keys.map((key) => converted[key]) : converted;
  };
  return arrays(root);
}

class StripeError extends Error {
  constructor(status, type, message, extra = {}) {
    super(message);
    this.status = status;
    this.body = { error: { type, message, ...extra } };
  }
}
const missing = (kind, id) =>
  new StripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, { code: 'resource_missing', param: 'id' });

/**
 * Starts the stand-in. `webhookUrl` (settable later) receives the events of a completed checkout, signed with
 * `webhookSecret`. Returns its URL, the recorded requests, the objects it holds and helpers for tests.
 */
export async function startStripeStandIn({
  apiKey = 'sk_test_standin',
  webhookSecret = 'whsec_standin',
  webhookUrl = null,
  port = 0,
} = {}) {
  const state = {
    products: new Map(),
    prices: new Map(),
    coupons: new Map(),
    customers: new Map(),
    sessions: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    portalSessions: new Map(),
  };
  const requests = [];
  const idempotent = new Map();
  const failures = [];
  const delivered = [];
  let base = '';
  let target = webhookUrl;

  function priceObject(price) {
    return { ...price, product: price.product };
  }

  function findPriceById(id) {
    const price = state.prices.get(id);
    if (!price) throw missing('price', id);
    return price;
  }

  function unitAmount(price, currency) {
    if (!currency || currency === price.currency) return price.unit_amount;
    const option = price.currency_options?.[currency];
    if (!option)
      throw new StripeError(
        400,
        'invalid_request_error',
        `The price ${price.id} has no currency option for ${currency}`,
        { param: 'currency' },
      );
    return option.unit_amount;
  }

  const routes = [
    [
      'GET',
      /^\/v1\/balance$/,
      () => ({ object: 'balance', available: [{ amount: 0, currency: 'gbp' }], pending: [], livemode: false }),
    ],

    [
      'POST',
      /^\/v1\/products$/,
      (_m, p) => {
        const id = p.id ?? newId('prod');
        if (state.products.has(id))
          throw new StripeError(400, 'invalid_request_error', `Product already exists.`, {
            code: 'resource_already_exists',
            param: 'id',
          });
        const product = {
          id,
          object: 'product',
          active: p.active !== 'false',
          name: p.name,
          description: p.description ?? null,
          metadata: p.metadata ?? {},
          created: now(),
          livemode: false,
        };
        state.products.set(id, product);
        return product;
      },
    ],
    ['GET', /^\/v1\/products\/([^/]+)$/, ([, id]) => state.products.get(id) ?? Promise.reject(missing('product', id))],
    [
      'POST',
      /^\/v1\/products\/([^/]+)$/,
      ([, id], p) => {
        const product = state.products.get(id);
        if (!product) throw missing('product', id);
        Object.assign(product, {
          name: p.name ?? product.name,
          description: p.description ?? product.description,
          active: p.active ? p.active !== 'false' : product.active,
          metadata: { ...product.metadata, ...(p.metadata ?? {}) },
        });
        return product;
      },
    ],

    [
      'POST',
      /^\/v1\/prices$/,
      (_m, p) => {
        if (!state.products.has(p.product)) throw missing('product', p.product);
        if (p.lookup_key) {
          const holder = [...state.prices.values()].find((price) => price.lookup_key === p.lookup_key);
          if (holder && p.transfer_lookup_key !== 'true')
            throw new StripeError(
              400,
              'invalid_request_error',
              `A price (${holder.id}) already uses that lookup key.`,
              { param: 'lookup_key' },
            );
          if (holder) holder.lookup_key = null;
        }
        const currencyOptions = Object.fromEntries(
          Object.entries(p.currency_options ?? {}).map(([currency, option]) => [
            currency,
            { unit_amount: Number(option.unit_amount), tax_behavior: 'unspecified' },
          ]),
        );
        currencyOptions[p.currency] = { unit_amount: Number(p.unit_amount), tax_behavior: 'unspecified' };
        const price = {
          id: newId('price'),
          object: 'price',
          active: true,
          currency: p.currency,
          unit_amount: Number(p.unit_amount),
          product: p.product,
          lookup_key: p.lookup_key ?? null,
          nickname: p.nickname ?? null,
          metadata: p.metadata ?? {},
          type: p.recurring ? 'recurring' : 'one_time',
          recurring: p.recurring ? { interval: p.recurring.interval, interval_count: 1, usage_type: 'licensed' } : null,
          currency_options: currencyOptions,
          created: now(),
          livemode: false,
        };
        state.prices.set(price.id, price);
        return price;
      },
    ],
    [
      'GET',
      /^\/v1\/prices$/,
      (_m, p) => {
        const keys = p.lookup_keys ? [].concat(p.lookup_keys) : null;
        const data = [...state.prices.values()].filter(
          (price) =>
            (!keys || keys.includes(price.lookup_key)) && (p.active === undefined || String(price.active) === p.active),
        );
        const expand = [].concat(p.expand ?? []);
        return list(
          data.map((price) =>
            expand.includes('data.product')
              ? { ...price, product: state.products.get(price.product) }
              : priceObject(price),
          ),
          '/v1/prices',
        );
      },
    ],
    [
      'POST',
      /^\/v1\/prices\/([^/]+)$/,
      ([, id], p) => {
        const price = findPriceById(id);
        if (p.active !== undefined) price.active = p.active === 'true';
        if (p.metadata) price.metadata = { ...price.metadata, ...p.metadata };
        return price;
      },
    ],

    [
      'POST',
      /^\/v1\/coupons$/,
      (_m, p) => {
        const id = p.id ?? newId('coupon');
        if (state.coupons.has(id))
          throw new StripeError(400, 'invalid_request_error', 'Coupon already exists.', {
            code: 'resource_already_exists',
            param: 'id',
          });
        const coupon = {
          id,
          object: 'coupon',
          percent_off: Number(p.percent_off),
          duration: p.duration ?? 'once',
          name: p.name ?? null,
          metadata: p.metadata ?? {},
          valid: true,
          created: now(),
          livemode: false,
        };
        state.coupons.set(id, coupon);
        return coupon;
      },
    ],
    ['GET', /^\/v1\/coupons\/([^/]+)$/, ([, id]) => state.coupons.get(id) ?? Promise.reject(missing('coupon', id))],

    [
      'POST',
      /^\/v1\/customers$/,
      (_m, p) => {
        const customer = {
          id: newId('cus'),
          object: 'customer',
          email: p.email ?? null,
          name: p.name ?? null,
          metadata: p.metadata ?? {},
          created: now(),
          livemode: false,
        };
        state.customers.set(customer.id, customer);
        return customer;
      },
    ],
    [
      'GET',
      /^\/v1\/customers\/([^/]+)$/,
      ([, id]) => state.customers.get(id) ?? Promise.reject(missing('customer', id)),
    ],

    [
      'POST',
      /^\/v1\/checkout\/sessions$/,
      (_m, p) => {
        if (p.customer && !state.customers.has(p.customer)) throw missing('customer', p.customer);
        const lineItems = (p.line_items ?? []).map((item) => ({
          price: findPriceById(item.price),
          quantity: Number(item.quantity ?? 1),
        }));
        if (lineItems.length === 0)
          throw new StripeError(400, 'invalid_request_error', 'line_items is required', { param: 'line_items' });
        const currency = p.currency ?? lineItems[0].price.currency;
        const subtotal = lineItems.reduce((sum, item) => sum + unitAmount(item.price, currency) * item.quantity, 0);
        const coupons = (p.discounts ?? []).map(
          (discount) =>
            state.coupons.get(discount.coupon) ??
            (() => {
              throw missing('coupon', discount.coupon);
            })(),
        );
        const discount = coupons.reduce((sum, coupon) => sum + Math.round((subtotal * coupon.percent_off) / 100), 0);
        if (p.mode === 'subscription' && lineItems.some((item) => item.price.type !== 'recurring'))
          throw new StripeError(400, 'invalid_request_error', 'subscription mode needs recurring prices', {
            param: 'line_items',
          });
        const id = newId('cs');
        const session = {
          id,
          object: 'checkout.session',
          mode: p.mode,
          status: 'open',
          payment_status: 'unpaid',
          url: `${base}/pay/${id}`,
          customer: p.customer ?? null,
          client_reference_id: p.client_reference_id ?? null,
          metadata: p.metadata ?? {},
          success_url: p.success_url,
          cancel_url: p.cancel_url,
          currency,
          locale: p.locale ?? null,
          amount_subtotal: subtotal,
          amount_total: subtotal - discount,
          subscription: null,
          payment_intent: null,
          invoice: null,
          created: now(),
          expires_at: now() + 86_400,
          livemode: false,
          discounts: coupons.map((coupon) => ({ coupon: coupon.id })),
          _line_items: lineItems.map((item) => ({ price: item.price.id, quantity: item.quantity })),
          _subscription_metadata: p.subscription_data?.metadata ?? {},
        };
        state.sessions.set(id, session);
        return publicSession(session);
      },
    ],
    [
      'GET',
      /^\/v1\/checkout\/sessions\/([^/]+)$/,
      ([, id]) => {
        const session = state.sessions.get(id);
        if (!session) throw missing('checkout.session', id);
        return publicSession(session);
      },
    ],

    [
      'POST',
      /^\/v1\/billing_portal\/sessions$/,
      (_m, p) => {
        if (!state.customers.has(p.customer)) throw missing('customer', p.customer);
        const portal = {
          id: newId('bps'),
          object: 'billing_portal.session',
          customer: p.customer,
          return_url: p.return_url ?? null,
          url: `${base}/portal/${p.customer}`,
          created: now(),
          livemode: false,
        };
        state.portalSessions.set(portal.id, portal);
        return portal;
      },
    ],
    [
      'GET',
      /^\/v1\/subscriptions\/([^/]+)$/,
      ([, id]) => state.subscriptions.get(id) ?? Promise.reject(missing('subscription', id)),
    ],
  ];

  function publicSession(session) {
    return Object.fromEntries(Object.entries(session).filter(([key]) => !key.startsWith('_')));
  }

  function event(type, object, created = now()) {
    return {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created,
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    };
  }

  /** Pays an open checkout session as the hosted page would, and returns the events Stripe would send. */
  function completeCheckout(id) {
    const session = state.sessions.get(id);
    if (!session) throw missing('checkout.session', id);
    if (session.status !== 'open') return [];
    const created = now();
    session.status = 'complete';
    session.payment_status = 'paid';
    const events = [];
    if (session.mode === 'subscription') {
      const [item] = session._line_items;
      const price = findPriceById(item.price);
      const periodEnd = created + (price.recurring.interval === 'year' ? 365 : 30) * 86_400;
      const subscription = {
        id: newId('sub'),
        object: 'subscription',
        customer: session.customer,
        status: 'active',
        created,
        start_date: created,
        cancel_at_period_end: false,
        canceled_at: null,
        ended_at: null,
        trial_end: null,
        currency: session.currency,
        metadata: session._subscription_metadata,
        latest_invoice: null,
        livemode: false,
        items: list(
          [
            {
              id: newId('si'),
              object: 'subscription_item',
              price: priceObject(price),
              quantity: item.quantity,
              current_period_start: created,
              current_period_end: periodEnd,
              created,
            },
          ],
          '/v1/subscription_items',
        ),
      };
      const invoice = {
        id: newId('in'),
        object: 'invoice',
        customer: session.customer,
        customer_email: state.customers.get(session.customer)?.email ?? null,
        status: 'paid',
        billing_reason: 'subscription_create',
        amount_due: session.amount_total,
        amount_paid: session.amount_total,
        amount_remaining: 0,
        currency: session.currency,
        created,
        period_start: created,
        period_end: created,
        hosted_invoice_url: `${base}/invoice/${id}`,
        livemode: false,
        parent: {
          type: 'subscription_details',
          subscription_details: { subscription: subscription.id, metadata: subscription.metadata },
        },
        lines: list(
          [
            {
              id: newId('il'),
              object: 'line_item',
              amount: session.amount_total,
              currency: session.currency,
              period: { start: created, end: periodEnd },
              pricing: { type: 'price_details', price_details: { price: price.id, product: price.product } },
            },
          ],
          '/v1/invoices/lines',
        ),
      };
      subscription.latest_invoice = invoice.id;
      session.subscription = subscription.id;
      session.invoice = invoice.id;
      state.subscriptions.set(subscription.id, subscription);
      state.invoices.set(invoice.id, invoice);
      events.push(
        event('checkout.session.completed', publicSession(session), created),
        event('customer.subscription.created', subscription, created),
        event('invoice.paid', invoice, created),
      );
    } else {
      session.payment_intent = newId('pi');
      events.push(event('checkout.session.completed', publicSession(session), created));
    }
    return events;
  }

  /** Signs an event (or any payload) as Stripe does and POSTs it to the webhook URL. */
  async function deliver(evt, url = target) {
    const payload = typeof evt === 'string' ? evt : JSON.stringify(evt);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    const result = { status: response.status, body: await response.text() };
    delivered.push({
      type: typeof evt === 'string' ? null : evt.type,
      event: typeof evt === 'string' ? null : evt,
      ...result,
    });
    return result;
  }

  function checkoutPage(session) {
    const amount = (session.amount_total / 100).toFixed(2);
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe stand-in checkout</title></head><body>
<main><h1>Stripe stand-in checkout</h1><p data-testid="standin-amount">${session.currency.toUpperCase()} ${amount}</p>
<form method="post" action="/pay/${session.id}"><button type="submit">Pay ${session.currency.toUpperCase()} ${amount}</button></form>
<p><a href="${session.cancel_url}">Cancel</a></p></main></body></html>`;
  }

  async function handle(req, res, text) {
    const url = new URL(req.url, base);
    const payMatch = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (payMatch) {
      const session = state.sessions.get(payMatch[1]);
      if (!session) return send(res, 404, 'text/plain', 'No such checkout session');
      if (req.method === 'GET') return send(res, 200, 'text/html; charset=utf-8', checkoutPage(session));
      for (const evt of completeCheckout(session.id)) if (target) await deliver(evt);
      res.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) });
      return res.end();
    }
    if (/^\/portal\//.test(url.pathname))
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        '<!doctype html><title>Stripe stand-in portal</title><h1>Customer portal</h1>',
      );

    const params =
      req.method === 'GET' || req.method === 'DELETE' ? decodeForm(url.searchParams.toString()) : decodeForm(text);
    requests.push({ method: req.method, path: url.pathname, headers: req.headers, params });
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return json(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    const failure = failures.find((f) => f.method === req.method && url.pathname.startsWith(f.path) && f.times > 0);
    if (failure) {
      failure.times -= 1;
      return json(res, failure.status, { error: { type: 'api_error', message: 'Injected failure' } });
    }
    const route = routes.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
    if (!route)
      return json(res, 404, {
        error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname})` },
      });

    const key = req.method === 'POST' ? req.headers['idempotency-key'] : undefined;
    const cacheKey = key ? `${url.pathname}:${key}` : null;
    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    if (cached) {
      if (cached.body !== text)
        return json(res, 400, {
          error: {
            type: 'idempotency_error',
            message:
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          },
        });
      return json(res, cached.status, cached.response, { 'idempotent-replayed': 'true' });
    }
    let status = 200;
    let response;
    try {
      response = await route[2](route[1].exec(url.pathname), params);
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      status = error.status;
      response = error.body;
    }
    if (cacheKey) idempotent.set(cacheKey, { body: text, status, response });
    return json(res, status, response);
  }

  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      handle(req, res, text).catch((error) =>
        json(res, 500, { error: { type: 'api_error', message: String(error?.message ?? error) } }),
      );
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;

  return {
    url: base,
    apiKey,
    webhookSecret,
    state,
    requests,
    delivered,
    event,
    deliver,
    completeCheckout,
    setWebhookUrl: (url) => (target = url),
    /** The next `times` requests matching method and path prefix answer `status`. */
    failNext: (method, path, status = 500, times = 1) => failures.push({ method, path, status, times }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'request-id': `req_${randomBytes(8).toString('hex')}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}
