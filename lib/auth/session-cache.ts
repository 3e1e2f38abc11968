// A few seconds of memory, per process, of each session's revocation state, so a request rarely waits on the check.
import 'server-only';

/** How long another instance may keep accepting a revoked session. */
export const SESSION_CHECK_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** `version` is null when the user no longer exists. */
export type SessionState = { version: number | null; revoked: boolean };
type Entry = SessionState & { storedAt: number };
type CacheState = { entries: Map<string, Entry>; uncachedUntil: Map<string, number> };

// NOTE: on globalThis, since Next may load this module in more than one chunk of the same process; a revocation
// must reach every copy at once.
const globalForCache = globalThis as unknown as { levqorSessionCache?: CacheState };
const state = (globalForCache.levqorSessionCache ??= { entries: new Map(), uncachedUntil: new Map() });

const keyOf = (userId: string, sid: string) => `${userId}/${sid}`;

export const sessionCache = {
  read(userId: string, sid: string, now = Date.now()): SessionState | null {
    const entry = state.entries.get(keyOf(userId, sid));
    if (!entry || now - entry.storedAt >= SESSION_CHECK_TTL_MS) return null;
    return { version: entry.version, revoked: entry.revoked };
  },

  /** Keeps a state read from the database at `readAt`, unless this process revoked the user's sessions meanwhile. */
  store(userId: string, sid: string, session: SessionState, readAt: number): void {
    const now = Date.now();
    if ((state.uncachedUntil.get(userId) ?? 0) > now) return;
    const key = keyOf(userId, sid);
    state.entries.delete(key);
    if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string);
    state.entries.set(key, { ...session, storedAt: readAt });
  },

  /**
   * Drops what is known about the user's sessions and stops caching them for one TTL, so neither an entry nor a
   * read racing the revoking transaction's commit can hide the revocation in this process.
   */
  forgetUser(userId: string): void {
    const now = Date.now();
    for (const [id, until] of state.uncachedUntil) if (until <= now) state.uncachedUntil.delete(id);
    state.uncachedUntil.set(userId, now + SESSION_CHECK_TTL_MS);
    const prefix = `${userId}/`;
    for (const key of state.entries.keys()) if (key.startsWith(prefix)) state.entries.delete(key);
  },
};
