// Shared zod primitives for request fields, bounded by the column types they end up in: a number that fits a Postgres
// integer, a page size, and an ISO date-time within the years both JavaScript and Postgres can hold.
import { z } from 'zod';

export const INT32_MAX = 2_147_483_647;

/** A positive whole number that fits an `integer` column (versions, counts). */
export const positiveInt32 = z.number().int().min(1).max(INT32_MAX);

/** A page size from a query string. */
export const pageLimit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** True when a time is within 1900–9999 (year 0000, which Postgres does not have, and its neighbours are refused). */
export const isStorableTime = (time: number) => Number.isFinite(time) && time >= EARLIEST && time <= LATEST;

/** An ISO 8601 date-time with an offset, between the years 1900 and 9999. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((value) => isStorableTime(Date.parse(value)), 'Use a date between the years 1900 and 9999');
