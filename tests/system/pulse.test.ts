import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/system/pulse/route';

describe('GET /api/system/pulse', () => {
  it('answers that the service is alive, uncached', async () => {
    const response = await GET(new Request('http://localhost/api/system/pulse'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ alive: true });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
