import { describe, expect, it } from 'vitest';
import { findPrice, lookupKeys, prices, products, resolvePlanName } from '@/lib/billing/catalogue';
import { planLimits } from '@/lib/billing/plan-limits';
import {
  getRegion,
  pppDiscounts,
  regionalAmount,
  regionForCountry,
  regions,
  resolveRegion,
  selectableRegions,
} from '@/lib/billing/regions';

describe('the price catalogue', () => {
  it('has 15 prices, each with a unique lookup key, a product and GBP, EUR and USD amounts', () => {
    expect(prices).toHaveLength(15);
    expect(new Set(lookupKeys).size).toBe(15);
    for (const price of prices) {
      expect(products.map((product) => product.id)).toContain(price.productId);
      expect(price.lookupKey).toMatch(/^levqor_[a-z0-9_]+$/);
      for (const currency of ['gbp', 'eur', 'usd'] as const)
        expect(Number.isInteger(price.amounts[currency]) && price.amounts[currency] > 0).toBe(true);
    }
  });

  it('sells every paid plan monthly and yearly, three DFY packages and four add-ons', () => {
    const subscriptions = prices.filter((price) => price.kind === 'subscription');
    expect(subscriptions.map((price) => `${price.plan}/${price.interval}`).sort()).toEqual([
      'business/month',
      'business/year',
      'growth/month',
      'growth/year',
      'pro/month',
      'pro/year',
      'starter/month',
      'starter/year',
    ]);
    expect(prices.filter((price) => price.kind === 'dfy')).toHaveLength(3);
    expect(prices.filter((price) => price.kind === 'addon')).toHaveLength(4);
    for (const price of subscriptions.filter((p) => p.interval === 'year')) {
      const monthly = findPrice(`levqor_${price.plan}_monthly`)!;
      expect(price.amounts.gbp).toBeLessThan(monthly.amounts.gbp * 12);
    }
  });

  it('maps legacy tier names and lookup keys onto current plans', () => {
    expect(resolvePlanName('Professional')).toBe('pro');
    expect(resolvePlanName('team')).toBe('growth');
    expect(resolvePlanName('enterprise')).toBe('business');
    expect(resolvePlanName('basic')).toBe('starter');
    expect(resolvePlanName('platinum')).toBeNull();
    expect(findPrice('levqor_team_yearly')?.lookupKey).toBe('levqor_growth_yearly');
    expect(findPrice('levqor_basic_monthly')?.lookupKey).toBe('levqor_starter_monthly');
    expect(findPrice('levqor_nothing_monthly')).toBeNull();
  });

  it('gives each higher plan more of everything, and the free plan sane limits', () => {
    expect(planLimits.free).toMatchObject({ workflows: 5, runs_per_month: 1_000 });
    const order = ['free', 'starter', 'growth', 'pro', 'business'] as const;
    for (let i = 1; i < order.length; i++) {
      for (const key of ['workflows', 'runs_per_month', 'ai_credits', 'retention_days', 'seats'] as const) {
        expect(planLimits[order[i]!][key]).toBeGreaterThan(planLimits[order[i - 1]!][key]);
      }
    }
  });
});

describe('region pricing', () => {
  it('has 15 regions with no country in two of them', () => {
    expect(regions).toHaveLength(15);
    const countries = regions.flatMap((region) => region.countries);
    expect(new Set(countries).size).toBe(countries.length);
  });

  it.each([
    ['GB', 'uk', 'gbp', 0],
    ['DE', 'western_europe', 'eur', 0],
    ['es', 'southern_europe', 'eur', 15],
    ['PL', 'central_eastern_europe', 'eur', 35],
    ['US', 'united_states', 'usd', 0],
    ['IN', 'india', 'usd', 60],
    ['PK', 'south_asia', 'usd', 60],
    ['BR', 'brazil', 'usd', 50],
    ['MX', 'mexico', 'usd', 45],
    ['AR', 'latin_america', 'usd', 45],
    ['NG', 'nigeria', 'usd', 60],
    ['ZA', 'south_africa', 'usd', 45],
    ['KE', 'africa', 'usd', 50],
    ['ID', 'southeast_asia', 'usd', 50],
    ['JP', 'rest_of_world', 'usd', 0],
    [null, 'uk', 'gbp', 0],
    ['XX', 'uk', 'gbp', 0],
    ['not a country', 'uk', 'gbp', 0],
  ])('%s → %s in %s at −%i %%', (country, id, currency, discount) => {
    const region = regionForCountry(country);
    expect(region).toMatchObject({ id, currency, discountPercent: discount });
  });

  it('prices the Growth plan per region after the purchasing-power discount', () => {
    const growth = findPrice('levqor_growth_monthly')!;
    expect(regionalAmount(growth, getRegion('uk'))).toBe(2_900);
    expect(regionalAmount(growth, getRegion('western_europe'))).toBe(3_400);
    expect(regionalAmount(growth, getRegion('india'))).toBe(1_560);
    expect(regionalAmount(growth, getRegion('brazil'))).toBe(1_950);
    expect(regionalAmount(growth, getRegion('southern_europe'))).toBe(2_890);
  });

  it('lets a visitor pick another currency but never a deeper discount than their country gets', () => {
    expect(resolveRegion('GB', 'united_states')).toMatchObject({ region: { id: 'united_states' }, overridden: true });
    expect(resolveRegion('GB', 'india')).toMatchObject({ region: { id: 'uk' }, overridden: false });
    expect(resolveRegion('IN', 'uk')).toMatchObject({ region: { id: 'uk' }, overridden: true });
    expect(resolveRegion('IN', 'nonsense')).toMatchObject({ region: { id: 'india' }, overridden: false });
    expect(selectableRegions(getRegion('uk')).every((region) => region.discountPercent === 0)).toBe(true);
    expect(pppDiscounts).toEqual([15, 35, 45, 50, 60]);
  });
});
