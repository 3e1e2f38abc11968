// GET /api/openapi.json: the document is public, OpenAPI 3.1, lists only /api/v1 paths, and names the server the
// caller reached when APP_URL is not set.
import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/openapi.json/route';

vi.mock('@/db', () => ({ getDb: vi.fn(), getDbOrNull: vi.fn() }));

describe('GET /api/openapi.json', () => {
  it('serves the OpenAPI 3.1 document without a key, with the bearer security scheme and the error model', async () => {
    const response = await GET(new Request('http://api.example.test:4100/api/openapi.json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.Error).toBeDefined();
    expect(Object.keys(document.paths).every((path) => path.startsWith('/api/v1/'))).toBe(true);
  });

  it('names the host that was asked as its server when APP_URL is not set', async () => {
    vi.stubEnv('APP_URL', '');
    const response = await GET(new Request('http://api.example.test:4100/api/openapi.json'));
    expect((await response.json()).servers).toEqual([{ url: 'http://api.example.test:4100' }]);
    vi.unstubAllEnvs();
  });
});
