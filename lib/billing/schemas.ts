// zod schemas of the billing routes.
import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';

/** POST /api/billing/portal: the language the Stripe portal opens in. */
export const portalSessionSchema = z.object({ locale: z.enum(locales).optional() });
