// The real root layout is app/[locale]/layout.tsx; this one only passes children through (next-intl's pattern).
import type { ReactNode } from 'react';
import './globals.css';

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
