// Named statements for the hottest queries (a webhook delivery, a run's admission): Postgres parses and plans them
// once per connection instead of on every call. Planning was most of the server's time for these queries (the
// workflow lookup: 0.5 ms planned every time, 0.04 ms prepared, measured with pgbench on the local PostgreSQL 15).
//
// A query opts in with a marker comment; the `pg` client below sends marked queries as named statements. Only
// queries whose text does not vary with their input may be marked (no `in (…)` lists or multi-row inserts), so the
// statements a connection keeps stay few. PGlite and @vercel/postgres see the comment and nothing else.
import { createHash } from 'node:crypto';
import type { CompiledQuery, Compilable } from 'kysely';
import pg from 'pg';

const MARKER = /^\/\* prepare:([a-z0-9_]+) \*\//;
const names = new Map<string, string>();

/** The query with the marker that makes the `pg` driver prepare it under `name`. */
export function prepared<R>(name: string, query: Compilable<R> | CompiledQuery<R>): CompiledQuery<R> {
  const compiled = 'compile' in query ? query.compile() : query;
  return { ...compiled, sql: `/* prepare:${name} */ ${compiled.sql}` };
}

/** The statement name for a marked text: the marker's name and a hash of the text, so an edited query gets a new statement. */
export function statementName(text: string): string | null {
  const cached = names.get(text);
  if (cached) return cached;
  const marker = MARKER.exec(text);
  if (!marker) return null;
  const name = `${marker[1]}_${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  names.set(text, name);
  return name;
}

const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

/** A `pg` client that sends marked queries as named (prepared) statements; everything else is passed through. */
export class PreparingClient extends pg.Client {}

PreparingClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  const [text, values] = args;
  const name = typeof text === 'string' ? statementName(text) : null;
  return name ? baseQuery.call(this, { name, text, values }) : baseQuery.apply(this, args);
} as pg.Client['query'];
