import 'server-only';
// Operator settings with typed values (the AI throttle's daily budget): the registry, reads with defaults, and writes.
import { z } from 'zod';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';

export const opsSettings = {
  /** Platform-wide AI spend allowed per UTC day, in minor units (pence); the AI module stops calling the model past it. */
  'ai.daily_budget_cents': { schema: z.number().int().min(0).max(100_000_000), default: 2_000 },
  /** What one workspace may spend on AI per UTC day, in minor units; past it its answers come from the fallbacks. */
  'ai.workspace_daily_budget_cents': { schema: z.number().int().min(0).max(10_000_000), default: 200 },
  /** Model calls one workspace may make a minute unless an operator sets its own limit. */
  'ai.workspace_calls_per_minute': { schema: z.number().int().min(1).max(10_000), default: 20 },
} as const;

export type OpsSettingKey = keyof typeof opsSettings;
export type OpsSettingDto = {
  key: OpsSettingKey;
  value: number;
  defaultValue: number;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export function isOpsSettingKey(key: string): key is OpsSettingKey {
  return Object.hasOwn(opsSettings, key);
}

export async function getOpsSetting(db: Db, key: OpsSettingKey): Promise<number> {
  const row = await db.selectFrom('ops_settings').select('value').where('key', '=', key).executeTakeFirst();
  const parsed = opsSettings[key].schema.safeParse(row?.value);
  return parsed.success ? parsed.data : opsSettings[key].default;
}

export async function listOpsSettings(db: Db): Promise<OpsSettingDto[]> {
  const keys = Object.keys(opsSettings) as OpsSettingKey[];
  const rows = await db.selectFrom('ops_settings').selectAll().where('key', 'in', keys).execute();
  const stored = new Map(rows.map((row) => [row.key, row]));
  return keys.map((key) => {
    const row = stored.get(key);
    const parsed = opsSettings[key].schema.safeParse(row?.value);
    return {
      key,
      value: parsed.success ? parsed.data : opsSettings[key].default,
      defaultValue: opsSettings[key].default,
      updatedAt: row?.updated_at ?? null,
      updatedBy: row?.updated_by ?? null,
    };
  });
}

export async function setOpsSetting(
  db: Db,
  actorUserId: string | null,
  key: string,
  value: unknown,
): Promise<OpsSettingDto> {
  if (!isOpsSettingKey(key)) throw new AppError('not_found', 'Unknown setting');
  const parsed = opsSettings[key].schema.safeParse(value);
  if (!parsed.success)
    throw new AppError('validation_failed', 'The value is not valid for this setting', {
      issues: parsed.error.issues.map((issue) => ({ path: 'value', message: issue.message, code: issue.code })),
    });
  const now = new Date();
  const row = await db
    .insertInto('ops_settings')
    .values({ key, value: JSON.stringify(parsed.data), updated_by: actorUserId, updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(parsed.data), updated_by: actorUserId, updated_at: now }),
    )
    .returning(['updated_at', 'updated_by'])
    .executeTakeFirstOrThrow();
  return {
    key,
    value: parsed.data,
    defaultValue: opsSettings[key].default,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
