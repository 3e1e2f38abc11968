import 'server-only';
// Every known flag with its current value (stored or default) and description.
import type { Db } from '@/db/client';
import type { FlagDto } from './flag-dto';
import { type FlagKey, knownFlags } from './flags';

export async function listFlags(db: Db): Promise<FlagDto[]> {
  const keys = Object.keys(knownFlags) as FlagKey[];
  const rows = await db
    .selectFrom('feature_flags')
    .select(['key', 'enabled', 'updated_at', 'updated_by'])
    .where('key', 'in', keys)
    .execute();
  const stored = new Map(rows.map((row) => [row.key, row]));
  return keys.map((key) => {
    const row = stored.get(key);
    const { description, default: defaultEnabled } = knownFlags[key];
    return {
      key,
      description,
      enabled: row?.enabled ?? defaultEnabled,
      defaultEnabled,
      updatedAt: row?.updated_at ?? null,
      updatedBy: row?.updated_by ?? null,
    };
  });
}
