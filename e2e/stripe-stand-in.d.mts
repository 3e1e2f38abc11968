// Types of the local Stripe stand-in (stripe-stand-in.mjs).
/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects and form-encoded params are arbitrary nested data, read loosely by tests. */
import type { IncomingHttpHeaders } from 'node:http';

export type StandInEvent = {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: boolean;
  api_version: string;
  data: { object: Record<string, unknown> };
};

export type StripeStandIn = {
  url: string;
  apiKey: string;
  webhookSecret: string;
  state: Record<
    'products' | 'prices' | 'coupons' | 'customers' | 'sessions' | 'subscriptions' | 'invoices' | 'portalSessions',
    Map<string, Record<string, any>>
  >;
  requests: { method: string; path: string; headers: IncomingHttpHeaders; params: Record<string, any> }[];
  delivered: { type: string | null; event: StandInEvent | null; status: number; body: string }[];
  event: (type: string, object: Record<string, unknown>, created?: number) => StandInEvent;
  deliver: (event: StandInEvent | string, url?: string) => Promise<{ status: number; body: string }>;
  completeCheckout: (sessionId: string) => StandInEvent[];
  setWebhookUrl: (url: string | null) => void;
  failNext: (method: string, path: string, status?: number, times?: number) => void;
  close: () => Promise<void>;
};

export function decodeForm(text: string): Record<string, any>;
export function startStripeStandIn(options?: {
  apiKey?: string;
  webhookSecret?: string;
  webhookUrl?: string | null;
  port?: number;
}): Promise<StripeStandIn>;
