// `google_sheets`: appends rows to a sheet with values:append, using an OAuth access token kept as a connector credential.
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { credentialNameSchema } from '../credentials/schemas';
import { callService, credentialField, readText, statusError } from './outbound';
import { defineStep, StepError } from './types';

const cellSchema = z.union([z.string().max(50_000), z.number(), z.boolean(), z.null()]);
/** Rows of cells; a flat list of cells is one row. */
const rowsSchema = z.preprocess(
  (value) => (Array.isArray(value) && value.length > 0 && !value.some(Array.isArray) ? [value] : value),
  z.array(z.array(cellSchema).max(1_000)).min(1, 'Give at least one row').max(10_000),
);

export const googleSheetsConfigSchema = z.strictObject({
  /** Name of a `google_sheets` connector credential (an access token with the spreadsheets scope). */
  credential: credentialNameSchema,
  /** The id in the sheet's URL: docs.google.com/spreadsheets/d/<id>/edit. */
  spreadsheetId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{10,200}$/, 'The spreadsheet id from its URL (…/spreadsheets/d/<id>/edit)'),
  /** A1 notation of the table to append to, e.g. `Sheet1` or `Sheet1!A:D`. */
  range: z.string().trim().min(1).max(200),
  values: rowsSchema,
  valueInputOption: z.enum(['USER_ENTERED', 'RAW']).default('USER_ENTERED'),
});
export type GoogleSheetsConfig = z.infer<typeof googleSheetsConfigSchema>;

type AppendReply = {
  updates?: { updatedRange?: string; updatedRows?: number; updatedCells?: number };
  error?: { message?: string; status?: string };
};

export const googleSheetsStep = defineStep({
  type: 'google_sheets',
  configSchema: googleSheetsConfigSchema,
  defaultActionClass: 'B',
  resolveTemplates: true,
  async execute(config, ctx) {
    const token = await credentialField(ctx, config.credential, 'google_sheets', 'accessToken');
    const base = getEnv().GOOGLE_SHEETS_API_BASE.replace(/\/+$/, '');
    const url = `${base}/v4/spreadsheets/${encodeURIComponent(config.spreadsheetId)}/values/${encodeURIComponent(config.range)}:append?valueInputOption=${config.valueInputOption}&insertDataOption=INSERT_ROWS`;
    // NOTE: Google ignores Idempotency-Key; a retry after a lost response can append the rows twice.
    const response = await callService(ctx, 'Google Sheets', url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ majorDimension: 'ROWS', values: config.values }),
    });
    const text = await readText(response);
    let reply: AppendReply = {};
    try {
      reply = JSON.parse(text) as AppendReply;
    } catch {
      // not JSON: judged by the status below
    }
    if (response.ok && reply.updates) {
      return {
        kind: 'output',
        output: {
          updatedRange: reply.updates.updatedRange ?? null,
          updatedRows: reply.updates.updatedRows ?? 0,
          updatedCells: reply.updates.updatedCells ?? 0,
        },
      };
    }
    if (response.ok)
      throw new StepError('unexpected_response', 'Google Sheets answered without the appended range', false, {
        status: response.status,
      });
    throw statusError(
      'Google Sheets',
      response,
      text,
      ctx.services.now(),
      reply.error?.message ? `${reply.error.status ?? 'error'}: ${reply.error.message}` : undefined,
    );
  },
});
