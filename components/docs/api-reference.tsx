'use client';
// The API reference, loaded in the browser only when this page renders (next/dynamic, ssr: false): Scalar and its CSS
// stay out of every other page's bundle. A status line shows until Scalar has read the document.
import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';

const ScalarReference = dynamic(() => import('./scalar-reference'), { ssr: false, loading: () => null });

export function ApiReference({ documentUrl, loadingLabel }: { documentUrl: string; loadingLabel: string }) {
  const [loaded, setLoaded] = useState(false);
  const onLoaded = useCallback(() => setLoaded(true), []);
  return (
    <div data-testid="api-reference" data-loaded={loaded ? 'true' : 'false'}>
      {loaded ? null : (
        <p role="status" className="py-16 text-center text-sm text-fg-subtle">
          {loadingLabel}
        </p>
      )}
      <ScalarReference documentUrl={documentUrl} onLoaded={onLoaded} />
    </div>
  );
}
