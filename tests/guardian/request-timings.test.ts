import { describe, expect, it } from 'vitest';
import { normalizePath } from '@/lib/guardian/normalize-path';
import { drainRequestTimings, recordRequestTiming } from '@/lib/guardian/request-timings';

describe('endpoint paths', () => {
  it('replace ids and tokens by placeholders and drop the query', () => {
    expect(normalizePath('/api/workflows/0b6f3f59-6b8a-4f3e-9d1c-1f2e3d4c5b6a/runs?limit=5')).toBe(
      '/api/workflows/:id/runs',
    );
    expect(normalizePath('/api/audit/12345')).toBe('/api/audit/:id');
    expect(normalizePath('/api/hooks/whk_Zx81Lm29Qp47Rt55')).toBe('/api/hooks/:token');
    expect(normalizePath('/invite/a8Yb3kQ9zX1cV7nM2pL5sD6fG4hJ0wE')).toBe('/invite/:token');
    expect(normalizePath('/api/system/heartbeat')).toBe('/api/system/heartbeat');
  });
});

describe('request timings', () => {
  it('sum every request per endpoint into one performance row with count, mean, p95, max and errors', () => {
    drainRequestTimings();
    for (let i = 1; i <= 20; i++)
      recordRequestTiming('GET', `/api/workflows/${1000 + i}`, i === 20 ? 503 : 200, i * 10);
    recordRequestTiming('POST', '/api/api-keys', 422, 30);
    const rows = drainRequestTimings();
    expect(rows).toHaveLength(2);
    const workflows = rows.find((row) => row.path === '/api/workflows/:id')!;
    expect(workflows).toMatchObject({ kind: 'performance', name: 'api.request', level: 'info', duration_ms: 105 });
    expect(JSON.parse(workflows.meta as string)).toMatchObject({
      method: 'GET',
      count: 20,
      server_errors: 1,
      client_errors: 0,
      p95_ms: 190,
      max_ms: 200,
    });
    const keys = rows.find((row) => row.path === '/api/api-keys')!;
    expect(JSON.parse(keys.meta as string)).toMatchObject({ method: 'POST', count: 1, client_errors: 1 });
    expect(drainRequestTimings()).toEqual([]);
  });

  it('mark a window whose mean is over 2000 ms as a warning', () => {
    recordRequestTiming('GET', '/api/reports', 200, 2_500);
    expect(drainRequestTimings()[0]).toMatchObject({ level: 'warn', duration_ms: 2500 });
  });
});
