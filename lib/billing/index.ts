import 'server-only';
// The billing hooks other modules call where an action happens: limits, usage metering and credits.
export { assertWithinLimit, type LimitCheck } from './assert-within-limit';
export { getEntitlements } from './get-entitlements';
export type { Entitlements } from './entitlements';
export type { LimitName } from './plan-limits';
export { flushApiCalls, recordUsage } from './record-usage';
export { grantCredits } from './grant-credits';
export { spendCredits } from './spend-credits';
