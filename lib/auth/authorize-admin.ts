// The operator's admin login: ADMIN_EMAIL with a scrypt ADMIN_PASSWORD_HASH, rate limited against guessing.
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { clientAddress } from '@/lib/api/client-address';
import { consumeRateLimit, rateLimitPolicies } from '@/lib/api/rate-limit';
import { recordAudit } from '@/lib/audit/record-audit';
import { getEnv } from '@/lib/env';
import { verifyPassword } from './password';

const credentialsSchema = z.object({
  email: z.email().transform((v) => v.toLowerCase()),
  password: z.string().min(1).max(1024),
});

export async function authorizeAdmin(db: Db, credentials: unknown, request?: Request) {
  const env = getEnv();
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success || !env.ADMIN_EMAIL || !env.ADMIN_PASSWORD_HASH) return null;
  const { email, password } = parsed.data;
  const ip = request ? clientAddress(request).ip : null;
  const limit = await consumeRateLimit(db, `sign-in:${email}`, rateLimitPolicies.signIn);
  const valid = limit.allowed && email === env.ADMIN_EMAIL && (await verifyPassword(password, env.ADMIN_PASSWORD_HASH));
  if (!valid) {
    await recordAudit(db, {
      workspaceId: null,
      action: 'auth.sign_in_failed',
      actorLabel: email,
      ip,
      meta: { provider: 'admin', locked: !limit.allowed },
    });
    return null;
  }
  const user = await db
    .insertInto('users')
    .values({ email, is_admin: true, email_verified: new Date() })
    .onConflict((oc) => oc.column('email').doUpdateSet({ is_admin: true }))
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow();
  return { id: user.id, email: user.email, name: user.name };
}
