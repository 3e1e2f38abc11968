// A German reader gets German validation text from the real routes; code, path and params stay machine-readable.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const workflowsRoute = await import('@/app/api/workflows/route');
const validateRoute = await import('@/app/api/workflows/validate/route');
const previewRoute = await import('@/app/api/workflows/schedule-preview/route');

let test: TestDb;
let owner: Seeded;

const scheduled = (cron: string, timezone = 'Europe/Berlin') => ({
  name: 'Morning report',
  trigger: { type: 'schedule', cron, timezone },
  steps: [{ id: 'note', type: 'log', config: { message: 'Guten Morgen' } }],
});

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = owner;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('validation errors in the reader’s language', () => {
  it('answers Accept-Language: de with German issue text and summary when saving a workflow', async () => {
    const response = await workflowsRoute.POST(
      request('/api/workflows', {
        method: 'POST',
        headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' },
        json: { ...scheduled('61 * * * *'), name: '' },
      }),
    );
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.message).toBe('Der Workflow ist ungültig');
    const texts = error.details.issues.map((issue: { message: string }) => issue.message).join('\n');
    expect(texts).toContain('Der Name muss mindestens 1 Zeichen lang sein');
    expect(texts).not.toMatch(/Invalid input|Too small|expected string|>=1/);
    expect(error.details.issues[0]).toMatchObject({ path: 'name', code: 'too_small', params: { minimum: 1 } });
  });

  it('answers the NEXT_LOCALE=de cookie with the German per-field cron message on the editor’s validate route', async () => {
    const response = await validateRoute.POST(
      request('/api/workflows/validate', {
        method: 'POST',
        headers: { cookie: 'NEXT_LOCALE=de', 'accept-language': 'fr' },
        json: { definition: scheduled('61 * * * *') },
      }),
    );
    const body = await response.json();
    expect(body.issues).toEqual([
      expect.objectContaining({
        path: 'trigger.cron',
        code: 'cron_field_out_of_range',
        params: { field: 'minute', min: 0, max: 59, value: '61' },
        message: 'Die Minute muss 0–59 sein; „61“ liegt außerhalb des Bereichs',
      }),
    ]);
  });

  it('names a missing required field in English for an English reader', async () => {
    const response = await workflowsRoute.POST(
      request('/api/workflows', {
        method: 'POST',
        json: { trigger: { type: 'manual' }, steps: scheduled('* * * * *').steps },
      }),
    );
    const { error } = await response.json();
    expect(error.details.issues).toContainEqual(
      expect.objectContaining({ path: 'name', code: 'required', message: 'Name is required' }),
    );
  });

  it('previews the next five runs, and explains an unknown time zone in German', async () => {
    const ok = await previewRoute.GET(
      request('/api/workflows/schedule-preview?cron=0%209%20*%20*%201&timezone=Europe/Berlin'),
    );
    const preview = await ok.json();
    expect(preview).toMatchObject({ ok: true, timezone: 'Europe/Berlin' });
    expect(preview.runs).toHaveLength(5);
    const bad = await previewRoute.GET(
      request('/api/workflows/schedule-preview?cron=0%209%20*%20*%201&timezone=Mars/Base', {
        headers: { 'accept-language': 'de' },
      }),
    );
    expect((await bad.json()).issues[0]).toMatchObject({
      code: 'unknown_time_zone',
      message: expect.stringContaining('Die Zeitzone „Mars/Base“ kennen wir nicht'),
    });
  });
});
