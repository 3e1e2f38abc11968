'use client';
// Whether the visitor is signed in, for static public pages: the hint cookie first (no request for most visitors),
// then /api/auth/session confirms it, so a session revoked or expired elsewhere drops the stale hint.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { SIGNED_IN_HINT_COOKIE } from '@/lib/auth/signed-in-hint-cookie';

let pendingCheck: Promise<boolean> | null = null;

const hasHint = () => document.cookie.split('; ').includes(`${SIGNED_IN_HINT_COOKIE}=1`);
const noSubscription = () => () => {};

/** One session request at a time, shared by every island that mounts together (header and menu). */
function confirmSession(): Promise<boolean> {
  pendingCheck ??= fetch('/api/auth/session', { cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : null))
    .then((session: { user?: unknown } | null) => {
      const signedIn = Boolean(session?.user);
      if (!signedIn) document.cookie = `${SIGNED_IN_HINT_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
      return signedIn;
    })
    .catch(() => true)
    .finally(() => {
      pendingCheck = null;
    });
  return pendingCheck;
}

export function useSignedIn(): boolean {
  // NOTE: the server snapshot is "signed out", so the static HTML hydrates as rendered and flips after hydration.
  const hinted = useSyncExternalStore(noSubscription, hasHint, () => false);
  const [refuted, setRefuted] = useState(false);
  useEffect(() => {
    if (!hinted) return;
    let active = true;
    confirmSession().then((confirmed) => {
      if (active && !confirmed) setRefuted(true);
    });
    return () => {
      active = false;
    };
  }, [hinted]);
  return hinted && !refuted;
}
