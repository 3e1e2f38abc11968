// Turns the data a backup step received into snapshot bytes: pretty JSON, RFC 4180 CSV, text, or decoded base64.
import type { BackupFormat } from '@/db/types-workflows';

export type EncodedSnapshot = { content: Uint8Array; contentType: string };

/** Data that cannot be written in the asked format (a bug in the workflow, not a passing failure). */
export class SnapshotEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotEncodingError';
  }
}

export const contentTypes: Record<BackupFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  binary: 'application/octet-stream',
};

export const fileExtensions: Record<BackupFormat, string> = { json: 'json', csv: 'csv', text: 'txt', binary: 'bin' };

const utf8 = new TextEncoder();

export function encodeSnapshot(format: BackupFormat, data: unknown): EncodedSnapshot {
  const content =
    format === 'binary'
      ? decodeBase64(data)
      : utf8.encode(format === 'json' ? toJson(data) : format === 'csv' ? toCsv(data) : toText(data));
  return { content, contentType: contentTypes[format] };
}

function toJson(data: unknown): string {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      throw new SnapshotEncodingError(
        'Format "json" needs JSON data, but the data is text that is not JSON; use format "text"',
      );
    }
  }
  const json = JSON.stringify(value, null, 2) as string | undefined;
  if (json === undefined) throw new SnapshotEncodingError('The data cannot be written as JSON');
  return `${json}\n`;
}

function toText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data !== null && typeof data === 'object') return JSON.stringify(data, null, 2);
  return String(data);
}

/** One CSV field: quoted (quotes doubled) when it holds a comma, a quote, or a line break. */
export function csvField(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An array of objects (header = every key, in first-seen order) or of arrays (rows as given); text is taken as CSV already. */
export function toCsv(data: unknown): string {
  if (typeof data === 'string') return data;
  if (!Array.isArray(data))
    throw new SnapshotEncodingError('Format "csv" needs an array of objects or an array of arrays');
  if (data.length === 0) return '';
  const rows: unknown[][] = [];
  if (data.every(Array.isArray)) {
    rows.push(...(data as unknown[][]));
  } else if (data.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
    const records = data as Record<string, unknown>[];
    const header = [...new Set(records.flatMap((record) => Object.keys(record)))];
    rows.push(header, ...records.map((record) => header.map((key) => record[key])));
  } else {
    throw new SnapshotEncodingError('Format "csv" needs every item to be an object, or every item to be an array');
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const base64url = /^[A-Za-z0-9_-]*$/;

function decodeBase64(data: unknown): Uint8Array {
  if (typeof data !== 'string') throw new SnapshotEncodingError('Format "binary" needs a base64 string');
  const compact = data.replace(/\s+/g, '');
  if (base64.test(compact)) return new Uint8Array(Buffer.from(compact, 'base64'));
  if (base64url.test(compact) && compact.length % 4 !== 1) return new Uint8Array(Buffer.from(compact, 'base64url'));
  throw new SnapshotEncodingError('Format "binary" needs a base64 string; the data is not valid base64');
}
