import 'server-only';
// Reads a flag: the stored value, or the registry default when nobody has set it.
import type { Db } from '@/db/client';
import { type FlagKey, knownFlags } from './flags';

export async function isFlagEnabled(db: Db, key: FlagKey): Promise<boolean> {
  const row = await db.selectFrom('feature_flags').select('enabled').where('key', '=', key).executeTakeFirst();
  return row?.enabled ?? knownFlags[key].default;
}
