import { describe, expect, it } from 'vitest';
import { createTelemetryQueue, INGEST_URL } from '@/components/telemetry/telemetry-queue';

async function bodies(blobs: Blob[]) {
  return Promise.all(blobs.map(async (blob) => JSON.parse(await blob.text()) as { events: unknown[] }));
}

describe('the browser telemetry queue', () => {
  it('sends nothing until flushed, then one JSON beacon per 25 events', async () => {
    const sent: Blob[] = [];
    const queue = createTelemetryQueue({
      beacon: (url, data) => (expect(url).toBe(INGEST_URL), sent.push(data), true),
    });
    for (let i = 0; i < 30; i++) queue.track({ type: 'event', name: `e${i}` });
    expect(sent).toHaveLength(1);
    expect(queue.size()).toBe(5);
    queue.flush();
    expect(sent.map((blob) => blob.type)).toEqual(['application/json', 'application/json']);
    expect((await bodies(sent)).map((body) => body.events.length)).toEqual([25, 5]);
    expect(queue.size()).toBe(0);
  });

  it('falls back to a keepalive fetch when the beacon is refused', () => {
    const calls: [string, RequestInit][] = [];
    const queue = createTelemetryQueue({
      beacon: () => false,
      fetch: (async (url: string, init: RequestInit) => (
        calls.push([url, init]),
        new Response(null, { status: 202 })
      )) as unknown as typeof fetch,
    });
    queue.track({ type: 'error', name: 'uncaught_error', message: 'boom' });
    queue.flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]![1]).toMatchObject({
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
    });
  });

  it('splits a batch that would exceed the server cap, and trims long messages', async () => {
    const sent: Blob[] = [];
    const queue = createTelemetryQueue({ beacon: (_url, data) => (sent.push(data), true) });
    for (let i = 0; i < 20; i++)
      queue.track({ type: 'error', name: 'big', message: 'é'.repeat(2_000), path: '/p'.repeat(200) });
    queue.flush();
    expect(sent.length).toBeGreaterThan(1);
    for (const blob of sent) expect(blob.size).toBeLessThanOrEqual(15 * 1024);
    const events = (await bodies(sent)).flatMap((body) => body.events as { message: string; path: string }[]);
    expect(events).toHaveLength(20);
    expect(events.every((event) => event.message.length === 500 && event.path.length === 300)).toBe(true);
  });

  it('sends every event exactly once in batches of 25 when there is no beacon', () => {
    const calls: string[] = [];
    const queue = createTelemetryQueue({
      fetch: (async (_url: string, init: RequestInit) => (
        calls.push(String(init.body)),
        new Response(null)
      )) as unknown as typeof fetch,
    });
    for (let i = 0; i < 150; i++) queue.track({ type: 'event', name: 'a' });
    queue.flush();
    expect(calls.map((body) => (JSON.parse(body) as { events: unknown[] }).events.length)).toEqual([
      25, 25, 25, 25, 25, 25,
    ]);
    expect(queue.size()).toBe(0);
  });
});
