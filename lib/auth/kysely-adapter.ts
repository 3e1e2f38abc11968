// Auth.js adapter over our own tables (users, accounts, verification_tokens); sessions are JWTs, so none are stored.
import 'server-only';
import type { Adapter, AdapterAccount, AdapterUser } from '@auth/core/adapters';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '@/db/types';

const toAdapterUser = (row: Selectable<UserTable>): AdapterUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  image: row.image,
  emailVerified: row.email_verified,
});

export function kyselyAdapter(getDb: () => Promise<Kysely<Database>>): Adapter {
  const findUser = async (column: 'id' | 'email', value: string) => {
    const row = await (await getDb()).selectFrom('users').selectAll().where(column, '=', value).executeTakeFirst();
    return row ? toAdapterUser(row) : null;
  };

  return {
    async createUser(user) {
      const row = await (
        await getDb()
      )
        .insertInto('users')
        .values({
          email: user.email.toLowerCase(),
          name: user.name ?? null,
          image: user.image ?? null,
          email_verified: user.emailVerified,
        })
        .onConflict((oc) => oc.column('email').doUpdateSet({ email_verified: user.emailVerified }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAdapterUser(row);
    },
    getUser: (id) => (/^[0-9a-f-]{36}$/i.test(id) ? findUser('id', id) : Promise.resolve(null)),
    getUserByEmail: (email) => findUser('email', email.toLowerCase()),
    async getUserByAccount({ provider, providerAccountId }) {
      const row = await (
        await getDb()
      )
        .selectFrom('accounts')
        .innerJoin('users', 'users.id', 'accounts.user_id')
        .selectAll('users')
        .where('accounts.provider', '=', provider)
        .where('accounts.provider_account_id', '=', providerAccountId)
        .executeTakeFirst();
      return row ? toAdapterUser(row) : null;
    },
    async updateUser(user) {
      const row = await (
        await getDb()
      )
        .updateTable('users')
        .set({
          ...(user.name !== undefined && { name: user.name }),
          ...(user.image !== undefined && { image: user.image }),
          ...(user.emailVerified !== undefined && { email_verified: user.emailVerified }),
        })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAdapterUser(row);
    },
    async linkAccount(account: AdapterAccount) {
      await (
        await getDb()
      )
        .insertInto('accounts')
        .values({
          user_id: account.userId,
          type: account.type,
          provider: account.provider,
          provider_account_id: account.providerAccountId,
        })
        .onConflict((oc) => oc.columns(['provider', 'provider_account_id']).doNothing())
        .execute();
      return account;
    },
    async createVerificationToken(token) {
      await (await getDb()).insertInto('verification_tokens').values(token).execute();
      return token;
    },
    /** Deleting on use makes magic links single-use; an expired token is refused by Auth.js. */
    async useVerificationToken({ identifier, token }) {
      const row = await (
        await getDb()
      )
        .deleteFrom('verification_tokens')
        .where('identifier', '=', identifier)
        .where('token', '=', token)
        .returningAll()
        .executeTakeFirst();
      return row ?? null;
    },
  };
}
