import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/db', () => ({ getDb: vi.fn(), getDbOrNull: vi.fn() }));

const ROUTE_CLASSES = ['public', 'session', 'apiKey', 'sessionOrApiKey', 'admin', 'signedWebhook'] as const;
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Route handlers that are not built with withApi, each classified by hand with the reason. */
const HANDWRITTEN: Record<string, (typeof ROUTE_CLASSES)[number] | 'auth'> = {
  'app/api/auth/[...nextauth]/route.ts': 'auth', // Auth.js: its own CSRF tokens and signed callbacks
  'app/.well-known/security.txt/route.ts': 'public', // static text
  'app/api/bench/bare/route.ts': 'public', // bench baseline, 404 unless LEVQOR_BENCH=1
};

/** Server action files, each classified; their exported actions must authorise where they act. */
const SERVER_ACTIONS: Record<string, 'public' | 'session'> = {
  'app/[locale]/(site)/signin/actions.ts': 'public',
  'app/[locale]/(site)/invite/[token]/actions.ts': 'session',
  'app/[locale]/(app)/actions.ts': 'session',
  'app/[locale]/(site)/templates/[slug]/actions.ts': 'session',
  'app/[locale]/(app)/settings/security/actions.ts': 'session',
  'app/[locale]/(app)/dashboard/actions.ts': 'session',
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const files = walk('app').map((file) => file.split(path.sep).join('/'));
const routeFiles = files.filter((file) => /\/route\.tsx?$/.test(file));
const actionFiles = files.filter(
  (file) => /\.(ts|tsx)$/.test(file) && /^['"]use server['"]/m.test(readFileSync(file, 'utf8')),
);

describe('route inventory', () => {
  it('finds the route handlers', () => {
    expect(routeFiles.length).toBeGreaterThan(10);
  });

  it.each(routeFiles.filter((file) => !(file in HANDWRITTEN)))(
    '%s is wrapped by withApi with a known auth class',
    async (file) => {
      const routeModule = (await import(`@/${file}`)) as Record<string, unknown>;
      const handlers = Object.entries(routeModule).filter(([name]) => HTTP_METHODS.includes(name));
      expect(handlers.length, `${file} exports no HTTP handler`).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        expect(ROUTE_CLASSES, `${file} ${method} is not classified`).toContain((handler as { auth?: string }).auth);
      }
    },
  );

  it('lists only hand-written routes that exist', () => {
    for (const file of Object.keys(HANDWRITTEN)) expect(routeFiles).toContain(file);
  });

  it('classifies every server action file', () => {
    expect(actionFiles.sort()).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  it.each(Object.entries(SERVER_ACTIONS).filter(([, kind]) => kind === 'session'))(
    '%s checks the session in the action',
    (file) => {
      const source = readFileSync(file, 'utf8');
      expect(source).toMatch(/getSessionUser\(|getSessionScope\(|requireSessionScope\(/);
    },
  );
});

describe('schemas live in lib/', () => {
  it('declares no zod schema in app/: routes, pages and actions import them from lib/<domain>/schemas.ts', () => {
    const declaring = files.filter(
      (file) => /\.(ts|tsx)$/.test(file) && /from ['"]zod(\/[\w-]+)?['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(declaring).toEqual([]);
  });
});
