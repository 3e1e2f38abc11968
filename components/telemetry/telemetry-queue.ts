// The browser side of telemetry: events are queued and sent in batches with navigator.sendBeacon (so a page being
// hidden or closed still delivers them), falling back to a keepalive fetch. No cookies, no identifiers.
export type BrowserEvent = {
  type: 'event' | 'error' | 'performance';
  name: string;
  message?: string;
  path?: string;
  duration_ms?: number;
  meta?: Record<string, string | number | boolean | null>;
};

export const INGEST_URL = '/api/guardian/telemetry/ingest';
const BATCH_SIZE = 25;
const MAX_QUEUED = 100;
const MAX_BATCH_BYTES = 15 * 1024;

export type Transport = { beacon?: (url: string, data: Blob) => boolean; fetch?: typeof fetch };

export function createTelemetryQueue(transport: Transport = defaultTransport()) {
  let queue: BrowserEvent[] = [];

  function send(batch: BrowserEvent[]): void {
    const json = JSON.stringify({ events: batch });
    const bytes = new TextEncoder().encode(json).length;
    // NOTE: a batch over the server's cap is split in two rather than refused whole.
    if (bytes > MAX_BATCH_BYTES && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      send(batch.slice(0, half));
      send(batch.slice(half));
      return;
    }
    if (bytes > MAX_BATCH_BYTES) return;
    const blob = new Blob([json], { type: 'application/json' });
    let queued = false;
    try {
      queued = transport.beacon?.(INGEST_URL, blob) ?? false;
    } catch {
      queued = false;
    }
    if (!queued)
      void transport
        .fetch?.(INGEST_URL, {
          method: 'POST',
          body: json,
          headers: { 'content-type': 'application/json' },
          keepalive: true,
        })
        .catch(() => {});
  }

  return {
    track(event: BrowserEvent): void {
      if (queue.length >= MAX_QUEUED) return;
      queue.push({ ...event, message: event.message?.slice(0, 500), path: event.path?.slice(0, 300) });
      if (queue.length >= BATCH_SIZE) this.flush();
    },
    flush(): void {
      while (queue.length > 0) send(queue.splice(0, BATCH_SIZE));
    },
    size: () => queue.length,
    clear: () => {
      queue = [];
    },
  };
}

function defaultTransport(): Transport {
  if (typeof navigator === 'undefined') return {};
  return {
    beacon: typeof navigator.sendBeacon === 'function' ? (url, data) => navigator.sendBeacon(url, data) : undefined,
    fetch: typeof fetch === 'function' ? fetch.bind(globalThis) : undefined,
  };
}

let shared: ReturnType<typeof createTelemetryQueue> | null = null;

/** The page's queue; `trackEvent` from any client component adds to it. */
export function telemetryQueue() {
  shared ??= createTelemetryQueue();
  return shared;
}

export function trackEvent(name: string, meta?: BrowserEvent['meta']): void {
  if (typeof window === 'undefined') return;
  telemetryQueue().track({ type: 'event', name, path: window.location.pathname, meta });
}
