// The real root layout is app/[locale]/layout.tsx; this one only passes children through (next-intl's pattern).
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getEnv } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = { metadataBase: new URL(getEnv().APP_URL) };

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
