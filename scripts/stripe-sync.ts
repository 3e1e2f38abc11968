// `npm run stripe:sync`: creates or updates the catalogue's products, prices (by lookup key) and regional coupons in
// the Stripe account of STRIPE_SECRET_KEY. Safe to run again; a live key needs `-- --live`.
import { syncCatalogue } from '../lib/billing/sync-catalogue';
import { getStripe } from '../lib/billing/stripe-client';
import { getEnv } from '../lib/env';

const env = getEnv();
const stripe = getStripe(env);
if (!stripe || !env.STRIPE_SECRET_KEY) {
  console.error('Set STRIPE_SECRET_KEY (and STRIPE_API_BASE to use a local stand-in) first.');
  process.exit(1);
}
if (/^(sk|rk)_live_/.test(env.STRIPE_SECRET_KEY) && !process.argv.includes('--live')) {
  console.error('STRIPE_SECRET_KEY is a live key: run `npm run stripe:sync -- --live` to change the live account.');
  process.exit(1);
}
const report = await syncCatalogue(stripe, (line) => console.log(line));
console.log(`${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged`);
