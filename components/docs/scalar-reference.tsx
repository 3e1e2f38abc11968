'use client';
// Scalar's API reference for /api/openapi.json, themed like the site. Loaded only by ApiReference (lazily, browser
// only), so neither its script nor its CSS weighs on other pages. Nothing is fetched from another origin: no fonts,
// no proxy, no telemetry, no hosted client.
import { ApiReferenceReact } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';
import { useMemo } from 'react';

// NOTE: Scalar reads its colours and fonts from these variables; the values are the site's tokens (app/globals.css).
const customCss = `
.scalar-app, .dark-mode {
  --scalar-font: var(--font-sans);
  --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  --scalar-custom-header-height: 4rem;
}
.dark-mode {
  --scalar-background-1: var(--color-surface);
  --scalar-background-2: var(--color-surface-raised);
  --scalar-background-3: var(--color-slate-800);
  --scalar-background-accent: color-mix(in srgb, var(--color-brand) 15%, transparent);
  --scalar-color-1: var(--color-fg);
  --scalar-color-2: var(--color-fg-muted);
  --scalar-color-3: var(--color-fg-subtle);
  --scalar-color-accent: var(--color-brand-accent);
  --scalar-border-color: var(--color-border);
  --scalar-color-green: var(--color-emerald-400);
  --scalar-color-blue: var(--color-sky-400);
  --scalar-color-orange: var(--color-amber-400);
  --scalar-color-yellow: var(--color-yellow-300);
  --scalar-color-red: var(--color-rose-400);
  --scalar-color-purple: var(--color-violet-400);
}
`;

export default function ScalarReference({ documentUrl, onLoaded }: { documentUrl: string; onLoaded: () => void }) {
  // NOTE: a new configuration object makes Scalar reconfigure itself: keep one per document.
  const configuration = useMemo(
    () => ({
      url: documentUrl,
      withDefaultFonts: false,
      darkMode: true,
      forceDarkModeState: 'dark' as const,
      hideDarkModeToggle: true,
      hideClientButton: true,
      hideTestRequestButton: true,
      showDeveloperTools: 'never' as const,
      telemetry: false,
      documentDownloadType: 'none' as const,
      defaultHttpClient: { targetKey: 'shell' as const, clientKey: 'curl' },
      theme: 'none' as const,
      customCss,
      onLoaded,
    }),
    [documentUrl, onLoaded],
  );
  return <ApiReferenceReact configuration={configuration} />;
}
