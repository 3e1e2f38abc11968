// `http_request`: calls any HTTP(S) API behind the egress guard; the output is the status, headers and parsed body.
import { z } from 'zod';
import {
  callService,
  headersSchema,
  parseBody,
  parseHttpUrl,
  readText,
  statusError,
  textField,
  timeoutMsSchema,
} from './outbound';
import { defineStep, StepError } from './types';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
const statusSchema = z.coerce.number().int().min(100).max(599);

export const httpRequestConfigSchema = z
  .strictObject({
    method: z
      .preprocess((value) => (typeof value === 'string' ? value.toUpperCase() : value), z.enum(methods))
      .default('GET'),
    url: textField(2_048),
    headers: headersSchema.default({}),
    /** Added to the URL's query string. */
    query: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).default({}),
    /** A string is sent as is (text/plain unless a Content-Type header says otherwise); anything else as JSON. */
    body: z.unknown().optional(),
    timeoutMs: timeoutMsSchema.default(30_000),
    /** Statuses that count as success; by default any 2xx or 3xx. */
    expectStatus: z.union([statusSchema, z.array(statusSchema).min(1).max(20)]).optional(),
  })
  .refine((config) => config.body === undefined || (config.method !== 'GET' && config.method !== 'HEAD'), {
    message: 'GET and HEAD requests cannot have a body',
    path: ['body'],
  });
export type HttpRequestConfig = z.infer<typeof httpRequestConfigSchema>;

/** Response headers kept in the output (never Set-Cookie). */
function outputHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie' && Object.keys(kept).length < 50) kept[name] = value;
  });
  return kept;
}

function withQuery(url: string, query: HttpRequestConfig['query']): string {
  const parsed = parseHttpUrl(url);
  for (const [name, value] of Object.entries(query)) parsed.searchParams.append(name, String(value));
  return parsed.toString();
}

export const httpRequestStep = defineStep({
  type: 'http_request',
  configSchema: httpRequestConfigSchema,
  defaultActionClass: 'B',
  resolveTemplates: true,
  urls: (config) => [config.url],
  async execute(config, ctx) {
    const headers = new Headers(config.headers);
    let body: string | undefined;
    if (typeof config.body === 'string') {
      body = config.body;
      if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    } else if (config.body !== undefined) {
      body = JSON.stringify(config.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const url = withQuery(config.url, config.query);
    const host = new URL(url).host;
    const response = await callService(ctx, host, url, {
      method: config.method,
      headers,
      body,
      timeoutMs: config.timeoutMs,
    });
    const text = config.method === 'HEAD' ? '' : await readText(response);
    const expected = config.expectStatus === undefined ? null : [config.expectStatus].flat();
    const ok = expected ? expected.includes(response.status) : response.status >= 200 && response.status < 400;
    if (!ok) {
      const error = statusError(host, response, text, ctx.services.now());
      if (expected && error.code === 'request_rejected' && response.status < 400) {
        throw new StepError(
          'unexpected_status',
          `${host} answered HTTP ${response.status}, expected ${expected.join(' or ')}`,
          false,
          { status: response.status },
        );
      }
      throw error;
    }
    const contentType = response.headers.get('content-type');
    return {
      kind: 'output',
      output: { status: response.status, headers: outputHeaders(response.headers), body: parseBody(text, contentType) },
    };
  },
});
