'use client';
// While a paid checkout's webhook has not arrived yet, re-renders the page every two seconds (for up to a minute).
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function ActivationRefresher() {
  const router = useRouter();
  useEffect(() => {
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      if (tries > 30) clearInterval(timer);
      else router.refresh();
    }, 2_000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
