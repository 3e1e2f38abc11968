// `notion`: creates a page in a Notion database (or under a page) with POST /v1/pages, using an integration token.
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { credentialNameSchema } from '../credentials/schemas';
import { callService, credentialField, readText, statusError, textField } from './outbound';
import { defineStep, StepError } from './types';

const NOTION_VERSION = '2022-06-28';
const notionId = z
  .string()
  .trim()
  .transform((id) => id.replace(/-/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{32}$/, 'A Notion id: 32 hexadecimal characters, with or without dashes'));

export const notionConfigSchema = z
  .strictObject({
    /** Name of a `notion` connector credential (an internal integration secret shared with the database or page). */
    credential: credentialNameSchema,
    /** Parent database: the page becomes a row. Give this or `pageId`. */
    databaseId: notionId.optional(),
    /** Parent page: the new page is nested under it. */
    pageId: notionId.optional(),
    /** The page title. */
    title: textField(2_000).optional(),
    /** The database's title property (default `Name`). */
    titleProperty: z.string().trim().min(1).max(100).default('Name'),
    /** Other database properties, in Notion's property-value format. */
    properties: z.record(z.string(), z.unknown()).default({}),
    /** Body text: one paragraph block per blank-line-separated paragraph. */
    content: textField(20_000).optional(),
  })
  .refine((config) => (config.databaseId === undefined) !== (config.pageId === undefined), {
    message: 'Give either databaseId or pageId',
    path: ['databaseId'],
  })
  .refine((config) => config.databaseId !== undefined || config.title !== undefined, {
    message: 'A page under a page needs a title',
    path: ['title'],
  });
export type NotionConfig = z.infer<typeof notionConfigSchema>;

const richText = (content: string) => [{ type: 'text', text: { content } }];

/** Paragraph blocks; Notion allows at most 2000 characters per text object. */
function paragraphs(content: string) {
  return content
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => part.match(/[\s\S]{1,2000}/g) ?? [])
    .slice(0, 100)
    .map((part) => ({ object: 'block', type: 'paragraph', paragraph: { rich_text: richText(part) } }));
}

function pageBody(config: NotionConfig) {
  const title =
    config.title === undefined
      ? {}
      : { [config.databaseId ? config.titleProperty : 'title']: { title: richText(config.title) } };
  return {
    parent: config.databaseId ? { database_id: config.databaseId } : { page_id: config.pageId },
    properties: config.databaseId ? { ...config.properties, ...title } : title,
    ...(config.content ? { children: paragraphs(config.content) } : {}),
  };
}

export const notionStep = defineStep({
  type: 'notion',
  configSchema: notionConfigSchema,
  defaultActionClass: 'B',
  resolveTemplates: true,
  async execute(config, ctx) {
    const token = await credentialField(ctx, config.credential, 'notion', 'token');
    const response = await callService(ctx, 'Notion', `${getEnv().NOTION_API_BASE.replace(/\/+$/, '')}/v1/pages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'notion-version': NOTION_VERSION,
        'content-type': 'application/json',
      },
      body: JSON.stringify(pageBody(config)),
    });
    const text = await readText(response);
    let reply: { object?: string; id?: string; url?: string; code?: string; message?: string } = {};
    try {
      reply = JSON.parse(text) as typeof reply;
    } catch {
      // not JSON: judged by the status below
    }
    if (response.ok && reply.object === 'page' && reply.id)
      return { kind: 'output', output: { id: reply.id, url: reply.url ?? null } };
    if (response.ok)
      throw new StepError('unexpected_response', 'Notion answered without a page', false, { status: response.status });
    const error = statusError(
      'Notion',
      response,
      text,
      ctx.services.now(),
      reply.message ? `${reply.code ?? 'error'}: ${reply.message}` : undefined,
    );
    // NOTE: Notion documents 409 conflict_error as transient ("retry the request").
    if (response.status === 409) throw new StepError('upstream_error', error.message, true, error.details);
    throw error;
  },
});
