'use client';
// Mounted once in the root layout: reports uncaught errors and the page-load time, and sends the queued telemetry
// when the page is hidden (sendBeacon), so nothing waits on the network while the visitor is using the page.
import { useEffect } from 'react';
import { telemetryQueue } from './telemetry-queue';

export function TelemetryBeacon() {
  useEffect(() => {
    const queue = telemetryQueue();
    const path = () => window.location.pathname;
    const onError = (event: ErrorEvent) =>
      queue.track({ type: 'error', name: 'uncaught_error', message: event.message || 'Script error', path: path() });
    const onRejection = (event: PromiseRejectionEvent) => {
      const reason = event.reason instanceof Error ? event.reason.message : String(event.reason);
      queue.track({ type: 'error', name: 'unhandled_rejection', message: reason, path: path() });
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') queue.flush();
    };
    const onPageHide = () => queue.flush();
    const reportLoad = () => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      if (navigation && navigation.loadEventEnd > 0)
        queue.track({
          type: 'performance',
          name: 'page_load',
          path: path(),
          duration_ms: Math.round(navigation.loadEventEnd),
          meta: { ttfb_ms: Math.round(navigation.responseStart) },
        });
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    if (document.readyState === 'complete') setTimeout(reportLoad, 0);
    else window.addEventListener('load', () => setTimeout(reportLoad, 0), { once: true });
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, []);
  return null;
}
