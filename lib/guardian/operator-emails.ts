import 'server-only';
// Who receives operator email: ADMIN_EMAIL and every platform admin user.
import type { Db } from '@/db/client';
import type { Env } from '@/lib/env';

export async function operatorEmails(db: Db, env: Pick<Env, 'ADMIN_EMAIL'>): Promise<string[]> {
  const admins = await db.selectFrom('users').select('email').where('is_admin', '=', true).execute();
  return [
    ...new Set(
      [env.ADMIN_EMAIL, ...admins.map((row) => row.email)]
        .filter((email): email is string => Boolean(email))
        .map((email) => email.toLowerCase()),
    ),
  ];
}
