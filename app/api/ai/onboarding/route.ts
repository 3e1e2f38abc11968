// POST /api/ai/onboarding — the workspace's onboarding checklist and streamed advice on the next best step.
import { getDb } from '@/db';
import { answerOnboarding } from '@/lib/ai/onboarding/answer-onboarding';
import { aiOnboardingRequestSchema } from '@/lib/ai/schemas';
import { withApi } from '@/lib/api/with-api';
import type { Locale } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/request-locale';

export const POST = withApi({ auth: 'session', body: aiOnboardingRequestSchema }, async ({ req, scope, body }) =>
  answerOnboarding(await getDb(), scope, { locale: (body.locale as Locale | undefined) ?? requestLocale(req) }),
);
