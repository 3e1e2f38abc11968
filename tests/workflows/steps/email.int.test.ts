import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEmail } from '@/lib/email/send-email';
import { emailStep } from '@/lib/workflows/steps/email';
import { startConnectorServer } from './helpers/connector-server';
import { stepContext } from './helpers/step-context';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  test = await createTestDb();
});
afterAll(() => test.close());

const outbox = () =>
  test.db
    .selectFrom('email_outbox')
    .select(['to_address', 'subject', 'text', 'kind', 'status'])
    .orderBy('created_at')
    .execute();

describe('email step', () => {
  it('sends once per idempotency key, even when the step runs again', async () => {
    const ctx = stepContext({ db: test.db, runId: '6f1c2a7e-0000-4000-8000-00000000e001', stepId: 'welcome' });
    const config = emailStep.configSchema.parse({
      to: ' ada@example.com ',
      subject: 'Welcome\r\naboard',
      text: 'Hello Ada',
    });
    const first = await emailStep.execute(config, ctx);
    const second = await emailStep.execute(config, ctx);
    expect(first).toMatchObject({
      kind: 'output',
      output: { to: 'ada@example.com', delivered: false, duplicate: false },
    });
    expect(second).toMatchObject({ kind: 'output', output: { duplicate: true } });
    expect((second as { output: { id: string } }).output.id).toBe((first as { output: { id: string } }).output.id);
    expect(await outbox()).toEqual([
      {
        to_address: 'ada@example.com',
        subject: 'Welcome aboard',
        text: 'Hello Ada',
        kind: 'workflow:6f1c2a7e-0000-4000-8000-00000000e001:welcome',
        status: 'stored',
      },
    ]);
  });

  it('sends again for another run', async () => {
    const config = emailStep.configSchema.parse({ to: 'ada@example.com', subject: 'Report', text: 42 });
    await emailStep.execute(
      config,
      stepContext({ db: test.db, runId: '6f1c2a7e-0000-4000-8000-00000000e002', stepId: 'welcome' }),
    );
    expect((await outbox()).map((row) => row.text)).toEqual(['Hello Ada', '42']);
  });

  it.each([
    [{ to: 'not-an-email', subject: 's', text: 't' }, 'to'],
    [{ to: 'ada@example.com', text: 't' }, 'subject'],
    [{ to: 'ada@example.com', subject: 's', text: '' }, 'text'],
    [{ to: 'ada@example.com', subject: 's', text: 't', cc: 'b@example.com' }, ''],
  ])('rejects the config %j', (config, path) => {
    const issues = emailStep.configSchema.safeParse(config).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('hands the idempotency key to Resend', async () => {
    const resend = await startConnectorServer();
    resend.answer({ status: 200, body: { id: 're_msg_1' } });
    try {
      await sendEmail(
        test.db,
        { to: 'ada@example.com', subject: 's', text: 't', kind: 'workflow:run:step' },
        { resendApiKey: 're_test_123', resendBaseUrl: resend.url, idempotencyKey: 'run:step' },
      );
      expect(resend.last()).toMatchObject({ url: '/emails', headers: { 'idempotency-key': 'run:step' } });
    } finally {
      await resend.close();
    }
  });
});
