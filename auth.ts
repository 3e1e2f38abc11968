// Auth.js (next-auth v5): magic links (Resend, or the outbox locally), Google and Microsoft when configured,
// and the operator's admin login. Sessions are revocable JWTs; workspaces are created on first sign-in.
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Google from 'next-auth/providers/google';
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id';
import Resend from 'next-auth/providers/resend';
import { getDb } from '@/db';
import { authorizeAdmin } from '@/lib/auth/authorize-admin';
import { kyselyAdapter } from '@/lib/auth/kysely-adapter';
import { isSessionActive } from '@/lib/auth/is-session-active';
import { revokeSession } from '@/lib/auth/revoke-session';
import { isSameSitePath } from '@/lib/auth/safe-redirect';
import { sendMagicLink } from '@/lib/auth/send-magic-link';
import { setSignedInHint } from '@/lib/auth/set-signed-in-hint';
import { mintSessionClaims, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-claims';
import { recordAudit } from '@/lib/audit/record-audit';
import { getEnv, getSecrets } from '@/lib/env';
import { ensurePersonalWorkspace } from '@/lib/workspaces/ensure-workspace';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name?: string | null; image?: string | null; isAdmin: boolean };
  }
}

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

// NOTE: Auth.js takes its public origin from AUTH_URL (else from the request, whose host `next start` reports as
// localhost and a client can forge): derive it from APP_URL so links in emails and redirects use the public origin.
process.env.AUTH_URL ??= new URL('/api/auth', getEnv().APP_URL).toString();

function authConfig(): NextAuthConfig {
  const env = getEnv();
  const providers: NextAuthConfig['providers'] = [
    Resend({
      apiKey: env.RESEND_API_KEY ?? 'outbox',
      from: env.EMAIL_FROM,
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      sendVerificationRequest: async ({ identifier, url }) => sendMagicLink(await getDb(), identifier, url),
    }),
  ];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET)
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  if (env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    providers.push(
      MicrosoftEntraID({
        clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
      }),
    );
  }
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD_HASH) {
    providers.push(
      Credentials({
        id: 'admin',
        name: 'Operator',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        authorize: async (credentials, request) => authorizeAdmin(await getDb(), credentials, request),
      }),
    );
  }

  return {
    secret: getSecrets().AUTH_SECRET,
    trustHost: true,
    adapter: kyselyAdapter(getDb),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    providers,
    callbacks: {
      /** Only same-site destinations after sign-in, resolved against APP_URL (not the internal request host). */
      redirect({ url, baseUrl }) {
        const app = new URL(env.APP_URL);
        if (isSameSitePath(url)) return new URL(url, app).toString();
        const target = new URL(url);
        return target.origin === app.origin || target.origin === baseUrl ? url : app.toString();
      },
      /** Sign-in gives the token a session id and the user's session version; every later read checks both. */
      async jwt({ token, user }) {
        const db = await getDb();
        if (user?.id && user.email) {
          await ensurePersonalWorkspace(
            db,
            { id: user.id, email: user.email, name: user.name },
            { unlessInvited: true },
          );
          return { ...token, ...(await mintSessionClaims(db, user.id)) };
        }
        // NOTE: auth() in pages, layouts, actions and route handlers and /api/auth/session all decode the cookie
        // through this callback, so this is the one revocation check; null makes Auth.js drop the cookie.
        return (await isSessionActive(db, token)) ? token : null;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? '';
        session.user.isAdmin = token.isAdmin === true;
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        if (!user.id || !user.email) return;
        const db = await getDb();
        const workspaces = await ensurePersonalWorkspace(
          db,
          { id: user.id, email: user.email, name: user.name },
          { unlessInvited: true },
        );
        for (const workspace of workspaces) {
          await recordAudit(db, {
            workspaceId: workspace.id,
            actorUserId: user.id,
            action: 'auth.sign_in',
            meta: { provider: account?.provider ?? 'unknown' },
          });
        }
        await setSignedInHint(true);
      },
      /** Signing out ends this session only: a copy of its cookie is refused from now on. */
      async signOut(message) {
        await setSignedInHint(false);
        const token = 'token' in message ? message.token : null;
        if (!token?.sub) return;
        const db = await getDb();
        await revokeSession(db, token);
        await recordAudit(db, { workspaceId: null, actorUserId: token.sub, action: 'auth.sign_out' });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
