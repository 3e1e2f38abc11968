// The messages sent to the browser: only the namespaces client components read; page text rendered on the
// server (home, templates library, sign-in, metadata) stays on the server.
import type { Messages } from './messages';

export const serverOnlyNamespaces = ['meta', 'home', 'footer', 'notFound', 'auth', 'templates'] as const;

export function clientMessages(messages: Messages): Messages {
  const omitted = new Set<string>(serverOnlyNamespaces);
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !omitted.has(namespace)));
}
