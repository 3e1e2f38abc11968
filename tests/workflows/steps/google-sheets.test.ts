import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { googleSheetsStep } from '@/lib/workflows/steps/google-sheets';
import { startConnectorServer } from './helpers/connector-server';
import { stepFailure } from './helpers/expect-step-error';
import { stepContext } from './helpers/step-context';

const SHEET = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
let sheets: Awaited<ReturnType<typeof startConnectorServer>>;
beforeAll(async () => {
  sheets = await startConnectorServer();
  process.env.GOOGLE_SHEETS_API_BASE = sheets.url;
});
afterAll(() => sheets.close());
beforeEach(() =>
  sheets.answer({
    status: 200,
    body: {
      spreadsheetId: SHEET,
      tableRange: 'Sheet1!A1:C4',
      updates: {
        spreadsheetId: SHEET,
        updatedRange: 'Sheet1!A5:C5',
        updatedRows: 1,
        updatedColumns: 3,
        updatedCells: 3,
      },
    },
  }),
);

const ctx = () =>
  stepContext({
    credentials: { finance: { connector: 'google_sheets', fields: { accessToken: 'ya29.a0AfH6SMBexampletoken' } } },
  });
const run = (config: Record<string, unknown>) =>
  googleSheetsStep.execute(googleSheetsStep.configSchema.parse(config), ctx());

describe('google_sheets step (values:append)', () => {
  it('appends rows with the bearer token and returns the updated range', async () => {
    const outcome = await run({
      credential: 'finance',
      spreadsheetId: SHEET,
      range: 'Sheet1!A:C',
      values: [['2026-11-23', 'Order 7', 49.5]],
    });
    expect(outcome).toEqual({
      kind: 'output',
      output: { updatedRange: 'Sheet1!A5:C5', updatedRows: 1, updatedCells: 3 },
    });
    const request = sheets.last();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      `/v4/spreadsheets/${SHEET}/values/Sheet1!A%3AC:append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS`,
    );
    expect(request.headers).toMatchObject({
      authorization: 'Bearer ya29.a0AfH6SMBexampletoken',
      'idempotency-key': '6f1c2a7e-0000-4000-8000-000000000001:notify',
    });
    expect(JSON.parse(request.body)).toEqual({ majorDimension: 'ROWS', values: [['2026-11-23', 'Order 7', 49.5]] });
  });

  it('takes a flat list of cells as one row', async () => {
    await run({ credential: 'finance', spreadsheetId: SHEET, range: 'Sheet1', values: ['a', 1, true, null] });
    expect(JSON.parse(sheets.last().body).values).toEqual([['a', 1, true, null]]);
  });

  it('fails without retrying when the credential is missing', async () => {
    await stepFailure(run({ credential: 'nope', spreadsheetId: SHEET, range: 'Sheet1', values: [['a']] }), {
      code: 'credential_missing',
      retryable: false,
    });
  });

  it('fails without retrying on 403 with Google’s message', async () => {
    sheets.answer({
      status: 403,
      body: { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } },
    });
    const error = await stepFailure(
      run({ credential: 'finance', spreadsheetId: SHEET, range: 'Sheet1', values: [['a']] }),
      { code: 'request_rejected', retryable: false },
    );
    expect(error.message).toBe(
      'Google Sheets refused the request with HTTP 403 (check the credential and its permissions): PERMISSION_DENIED: The caller does not have permission',
    );
  });

  it('retries on a 5xx and on 429', async () => {
    sheets.answer({
      status: 500,
      body: { error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } },
    });
    await stepFailure(run({ credential: 'finance', spreadsheetId: SHEET, range: 'Sheet1', values: [['a']] }), {
      code: 'upstream_error',
      retryable: true,
    });
    sheets.answer({
      status: 429,
      body: { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } },
    });
    await stepFailure(run({ credential: 'finance', spreadsheetId: SHEET, range: 'Sheet1', values: [['a']] }), {
      code: 'rate_limited',
      retryable: true,
    });
  });

  it.each([
    [{ credential: 'finance', spreadsheetId: SHEET, range: 'Sheet1', values: [] }, 'values'],
    [{ credential: 'finance', spreadsheetId: SHEET, range: 'Sheet1', values: [[{ nested: true }]] }, 'values'],
    [
      { credential: 'finance', spreadsheetId: 'https://docs.google.com/x', range: 'Sheet1', values: [['a']] },
      'spreadsheetId',
    ],
    [{ credential: 'finance', spreadsheetId: SHEET, values: [['a']] }, 'range'],
    [
      { credential: 'finance', spreadsheetId: SHEET, range: 'Sheet1', values: [['a']], valueInputOption: 'FORMULA' },
      'valueInputOption',
    ],
  ])('rejects the config %j', (config, path) => {
    expect(googleSheetsStep.configSchema.safeParse(config).error?.issues.map((issue) => issue.path[0])).toContain(path);
  });
});
