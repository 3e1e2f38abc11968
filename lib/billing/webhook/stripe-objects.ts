// zod schemas of the parts of Stripe objects the webhook reads (the payload is signed, but its shape is still checked).
import { z } from 'zod';

const id = z.string().min(1).max(255);
const ref = z
  .union([id, z.object({ id }).loose()])
  .transform((value) => (typeof value === 'string' ? value : value.id));
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((value) => value ?? {});
const timestamp = z
  .number()
  .int()
  .nullish()
  .transform((value) => value ?? null);

export const stripeEventSchema = z.object({
  id,
  type: z.string().min(1),
  created: z.number().int(),
  livemode: z.boolean().default(false),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventInput = z.infer<typeof stripeEventSchema>;

const priceSchema = z
  .object({
    id,
    lookup_key: z.string().nullish(),
    metadata,
    product: ref.nullish(),
    recurring: z.object({ interval: z.string() }).loose().nullish(),
  })
  .loose();

export const subscriptionSchema = z
  .object({
    id,
    customer: ref,
    status: z.string(),
    created: timestamp,
    cancel_at_period_end: z.boolean().default(false),
    trial_end: timestamp,
    metadata,
    current_period_start: timestamp.optional(),
    current_period_end: timestamp.optional(),
    items: z
      .object({
        data: z.array(
          z
            .object({
              price: priceSchema,
              current_period_start: timestamp.optional(),
              current_period_end: timestamp.optional(),
            })
            .loose(),
        ),
      })
      .loose(),
  })
  .loose();
export type SubscriptionObject = z.infer<typeof subscriptionSchema>;

export const checkoutSessionSchema = z
  .object({
    id,
    mode: z.enum(['payment', 'subscription', 'setup']),
    status: z.string().nullish(),
    payment_status: z.string(),
    customer: ref.nullish(),
    client_reference_id: z.string().nullish(),
    metadata,
    subscription: ref.nullish(),
    payment_intent: ref.nullish(),
    amount_total: z.number().int().nullish(),
    currency: z.string().nullish(),
    customer_details: z.object({ email: z.string().nullish() }).loose().nullish(),
  })
  .loose();
export type CheckoutSessionObject = z.infer<typeof checkoutSessionSchema>;

export const invoiceSchema = z
  .object({
    id,
    customer: ref,
    customer_email: z.string().nullish(),
    status: z.string().nullish(),
    billing_reason: z.string().nullish(),
    amount_due: z.number().int().default(0),
    amount_paid: z.number().int().default(0),
    currency: z.string().default('gbp'),
    created: z.number().int(),
    hosted_invoice_url: z.string().nullish(),
    /** Older API versions. */
    subscription: ref.nullish(),
    parent: z
      .object({ subscription_details: z.object({ subscription: ref, metadata }).loose().nullish() })
      .loose()
      .nullish(),
    payments: z
      .object({
        data: z.array(
          z.object({ payment: z.object({ payment_intent: ref.nullish(), charge: ref.nullish() }).loose() }).loose(),
        ),
      })
      .loose()
      .nullish(),
    lines: z
      .object({
        data: z.array(
          z
            .object({
              amount: z.number().int().default(0),
              period: z.object({ start: z.number().int(), end: z.number().int() }).loose().nullish(),
              /** Older API versions embed the price. */
              price: priceSchema.nullish(),
              pricing: z
                .object({ price_details: z.object({ price: ref.nullish(), product: ref.nullish() }).loose().nullish() })
                .loose()
                .nullish(),
            })
            .loose(),
        ),
      })
      .loose()
      .nullish(),
  })
  .loose();
export type InvoiceObject = z.infer<typeof invoiceSchema>;

export const chargeSchema = z
  .object({
    id,
    amount: z.number().int(),
    amount_refunded: z.number().int().default(0),
    refunded: z.boolean().default(false),
    payment_intent: ref.nullish(),
    customer: ref.nullish(),
  })
  .loose();
export type ChargeObject = z.infer<typeof chargeSchema>;

export const disputeSchema = z
  .object({ id, charge: ref, payment_intent: ref.nullish(), amount: z.number().int(), reason: z.string().nullish() })
  .loose();
export type DisputeObject = z.infer<typeof disputeSchema>;

/** The subscription an invoice belongs to, in current and older API versions. */
export function invoiceSubscriptionId(invoice: InvoiceObject): string | null {
  return invoice.parent?.subscription_details?.subscription ?? invoice.subscription ?? null;
}

export function invoiceMetadata(invoice: InvoiceObject): Record<string, string> {
  return invoice.parent?.subscription_details?.metadata ?? {};
}
