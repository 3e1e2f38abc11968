// Region-aware pricing: 15 regions, each with a currency tier and a purchasing-power discount, picked from the
// visitor's country. The discount is a Stripe coupon applied at checkout, so the page and Stripe agree.
import { type CataloguePrice, type Currency, DEFAULT_CURRENCY } from './catalogue';

export type RegionId =
  | 'uk'
  | 'western_europe'
  | 'southern_europe'
  | 'central_eastern_europe'
  | 'united_states'
  | 'india'
  | 'south_asia'
  | 'brazil'
  | 'mexico'
  | 'latin_america'
  | 'nigeria'
  | 'south_africa'
  | 'africa'
  | 'southeast_asia'
  | 'rest_of_world';

export type Region = { id: RegionId; currency: Currency; discountPercent: number; countries: readonly string[] };

export const regions: readonly Region[] = [
  { id: 'uk', currency: 'gbp', discountPercent: 0, countries: ['GB', 'IM', 'JE', 'GG'] },
  {
    id: 'western_europe',
    currency: 'eur',
    discountPercent: 0,
    countries: ['DE', 'FR', 'NL', 'BE', 'LU', 'AT', 'IE', 'FI', 'DK', 'SE', 'NO', 'IS', 'CH', 'LI', 'MC', 'AD'],
  },
  {
    id: 'southern_europe',
    currency: 'eur',
    discountPercent: 15,
    countries: ['ES', 'IT', 'PT', 'GR', 'CY', 'MT', 'SI'],
  },
  {
    id: 'central_eastern_europe',
    currency: 'eur',
    discountPercent: 35,
    countries: ['PL', 'CZ', 'SK', 'HU', 'RO', 'BG', 'HR', 'EE', 'LV', 'LT', 'RS', 'UA', 'BA', 'ME', 'MK', 'AL', 'MD'],
  },
  { id: 'united_states', currency: 'usd', discountPercent: 0, countries: ['US', 'PR'] },
  { id: 'india', currency: 'usd', discountPercent: 60, countries: ['IN'] },
  { id: 'south_asia', currency: 'usd', discountPercent: 60, countries: ['PK', 'BD', 'LK', 'NP'] },
  { id: 'brazil', currency: 'usd', discountPercent: 50, countries: ['BR'] },
  { id: 'mexico', currency: 'usd', discountPercent: 45, countries: ['MX'] },
  {
    id: 'latin_america',
    currency: 'usd',
    discountPercent: 45,
    countries: ['AR', 'CO', 'CL', 'PE', 'EC', 'UY', 'PY', 'BO', 'VE', 'CR', 'PA', 'DO', 'GT', 'HN', 'SV', 'NI'],
  },
  { id: 'nigeria', currency: 'usd', discountPercent: 60, countries: ['NG'] },
  { id: 'south_africa', currency: 'usd', discountPercent: 45, countries: ['ZA'] },
  {
    id: 'africa',
    currency: 'usd',
    discountPercent: 50,
    countries: ['KE', 'GH', 'EG', 'MA', 'TN', 'ET', 'TZ', 'UG', 'RW', 'SN', 'CI', 'CM', 'ZM', 'ZW', 'DZ'],
  },
  {
    id: 'southeast_asia',
    currency: 'usd',
    discountPercent: 50,
    countries: ['ID', 'PH', 'VN', 'TH', 'MY', 'KH', 'LA', 'MM'],
  },
  { id: 'rest_of_world', currency: 'usd', discountPercent: 0, countries: [] },
];

export const regionIds = regions.map((region) => region.id) as [RegionId, ...RegionId[]];

/** With no country (local development, a request without the edge header) prices are shown in GBP. */
export const DEFAULT_REGION_ID: RegionId = 'uk';

/** The coupon ids `npm run stripe:sync` creates, one per discount in use. */
export const pppDiscounts = [
  ...new Set(regions.map((region) => region.discountPercent).filter((percent) => percent > 0)),
].sort((a, b) => a - b);

export const pppCouponId = (percent: number) => `levqor_ppp_${percent}`;

export function getRegion(id: RegionId): Region {
  return regions.find((region) => region.id === id)!;
}

export function isRegionId(value: unknown): value is RegionId {
  return typeof value === 'string' && regions.some((region) => region.id === value);
}

/** The region of an ISO 3166-1 alpha-2 country code; unknown codes are the rest of the world, none is the default. */
export function regionForCountry(country: string | null | undefined): Region {
  const code = country?.trim().toUpperCase();
  if (!code || !/^[A-Z]{2}$/.test(code) || code === 'XX' || code === 'T1') return getRegion(DEFAULT_REGION_ID);
  return regions.find((region) => region.countries.includes(code)) ?? getRegion('rest_of_world');
}

export type RegionChoice = { region: Region; detected: Region; overridden: boolean };

/**
 * The region to price in: detected from the country, or the one the visitor chose. A choice can change the currency
 * but never unlocks a deeper discount than the visitor's own country gets.
 */
export function resolveRegion(country: string | null | undefined, requested?: string | null): RegionChoice {
  const detected = regionForCountry(country);
  if (!isRegionId(requested) || requested === detected.id) return { region: detected, detected, overridden: false };
  const wanted = getRegion(requested);
  if (wanted.discountPercent > detected.discountPercent) return { region: detected, detected, overridden: false };
  return { region: wanted, detected, overridden: true };
}

/** Regions a visitor detected in `detected` may choose (same or smaller discount). */
export function selectableRegions(detected: Region): Region[] {
  return regions.filter((region) => region.discountPercent <= detected.discountPercent);
}

/** What a price costs in a region, in minor units of the region's currency, after the regional discount. */
export function regionalAmount(price: CataloguePrice, region: Region): number {
  const amount = price.amounts[region.currency] ?? price.amounts[DEFAULT_CURRENCY];
  return amount - Math.round((amount * region.discountPercent) / 100);
}
