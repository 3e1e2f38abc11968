// next-intl's per-request configuration: the locale from the URL, its messages with English fallback, and the time
// zone times are shown in (the user's profile zone, else the browser's, else UTC).
import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './messages';
import { getRequestTimeZone } from './request-time-zone';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const [messages, { timeZone }] = await Promise.all([loadMessages(locale), getRequestTimeZone()]);
  return { locale, messages, timeZone };
});
