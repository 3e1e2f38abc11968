// zod schemas of the sign-in forms.
import { z } from 'zod';

/** The magic-link form: where to send the link, the page's language and where to go after signing in. */
export const magicLinkSchema = z.object({
  email: z.email(),
  locale: z.string().max(5),
  callbackUrl: z.string().optional(),
});

/** The "Continue with …" buttons. */
export const oauthProviderSchema = z.enum(['google', 'microsoft-entra-id']);
