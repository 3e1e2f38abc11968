// The signed-in user's own profile (name, language, time zone).
import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { Profile } from './schemas';

export async function getProfile(db: Db, userId: string): Promise<Profile> {
  const row = await db
    .selectFrom('users')
    .select(['email', 'name', 'locale', 'time_zone'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'User not found');
  return { email: row.email, name: row.name, locale: row.locale, timeZone: row.time_zone };
}
