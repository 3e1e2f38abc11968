// Not found outside any locale (the proxy normally adds one): a plain English page.
import Link from 'next/link';
import { display, inter } from './fonts';

export default function GlobalNotFound() {
  return (
    <html lang="en" className={`${inter.variable} ${display.variable}`}>
      <body className="grid min-h-dvh place-items-center bg-surface p-6 text-center">
        <main>
          <h1 className="font-display text-3xl font-semibold">Page not found</h1>
          <p className="mt-3 text-fg-muted">The page you were looking for does not exist or has moved.</p>
          <Link href="/" className="mt-6 inline-block text-brand-accent underline underline-offset-4">
            Back to the home page
          </Link>
        </main>
      </body>
    </html>
  );
}
