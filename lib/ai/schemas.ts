// The AI endpoints' request and answer schemas: one home for the routes, the UI, the OpenAPI document and the tests.
import { z } from 'zod';
import { tierOneLocales } from '@/lib/i18n/locales';

/** Longest plain-language request or chat message, in characters (a longer one is a 422 naming the field). */
export const aiLimits = {
  promptChars: 2_000,
  chatMessageChars: 4_000,
  chatMessages: 20,
  bodyBytes: 64 * 1024,
} as const;

/** Why an answer came from the built-in fallback instead of the model. */
export const fallbackReasons = [
  'not_configured',
  'provider_error',
  'invalid_output',
  'kill_switch',
  'budget_exhausted',
  'credits_exhausted',
  'throttled',
] as const;
export type FallbackReason = (typeof fallbackReasons)[number];

export const aiFeatures = ['workflow', 'debug', 'chat', 'onboarding'] as const;
export type AiFeature = (typeof aiFeatures)[number];

export const aiLocaleSchema = z.enum(tierOneLocales as unknown as [string, ...string[]]);

/** Where an answer came from: `source: 'fallback'` always carries the reason, so the UI can say so. */
export const aiSourceSchema = z.object({
  source: z.enum(['model', 'fallback']),
  fallbackReason: z.enum(fallbackReasons).optional(),
});
export type AiSource = z.infer<typeof aiSourceSchema>;

// POST /api/ai/workflow
export const aiWorkflowRequestSchema = z.object({
  prompt: z.string().trim().min(3).max(aiLimits.promptChars),
  /** The language of the answer's texts; default the request's locale. */
  locale: aiLocaleSchema.optional(),
});
export type AiWorkflowRequest = z.infer<typeof aiWorkflowRequestSchema>;

/** Something the user must still provide before the workflow can run: a connection or a field value. */
export const aiNeedSchema = z.object({
  kind: z.enum(['connection', 'field']),
  stepId: z.string().optional(),
  /** Field path in the definition, e.g. `steps.1.config.url`. */
  path: z.string().optional(),
  /** The connector type and credential name a `connection` need names. */
  connector: z.string().optional(),
  credential: z.string().optional(),
  message: z.string(),
});
export type AiNeed = z.infer<typeof aiNeedSchema>;

export const aiWorkflowAnswerSchema = aiSourceSchema.extend({
  /** Always passes the validator; never enabled by the AI. */
  definition: z.record(z.string(), z.unknown()),
  /** The workflow in plain words, in the requested language. */
  explanation: z.string(),
  /** One plain sentence per step, by step id. */
  steps: z.array(z.object({ id: z.string(), summary: z.string() })),
  needs: z.array(aiNeedSchema),
  /** The built-in template the answer started from, when one matched. */
  templateSlug: z.string().nullable(),
});
export type AiWorkflowAnswer = z.infer<typeof aiWorkflowAnswerSchema>;

// POST /api/ai/debug
export const aiDebugRequestSchema = z.object({ runId: z.uuid(), locale: aiLocaleSchema.optional() });

/** One changed field of a proposed fix: `path` in the definition, the value before and after. */
export const definitionChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type DefinitionChange = z.infer<typeof definitionChangeSchema>;

export const aiFixSchema = z.object({
  summary: z.string(),
  /** The version the fix was made from: saving it sends this as expectedVersion (409 if the workflow moved on). */
  baseVersion: z.number().int(),
  /** The whole proposed definition (valid); applied only when the user accepts, as a new version. */
  definition: z.record(z.string(), z.unknown()),
  changes: z.array(definitionChangeSchema).min(1),
});
export type AiFix = z.infer<typeof aiFixSchema>;

export const aiDebugAnswerSchema = aiSourceSchema.extend({
  runId: z.string(),
  workflowId: z.string(),
  stepId: z.string().nullable(),
  errorCode: z.string(),
  explanation: z.object({ what: z.string(), why: z.string(), todo: z.array(z.string()).min(1) }),
  fix: aiFixSchema.nullable(),
});
export type AiDebugAnswer = z.infer<typeof aiDebugAnswerSchema>;

// POST /api/ai/chat
export const chatMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().trim().min(1).max(aiLimits.chatMessageChars),
});
export const aiChatRequestSchema = z.object({
  messages: z.array(chatMessageSchema).min(1).max(aiLimits.chatMessages),
  /** Where the user is: the page path, and the workflow or run they are looking at (their own workspace only). */
  context: z
    .object({ path: z.string().max(300).optional(), workflowId: z.uuid().optional(), runId: z.uuid().optional() })
    .optional(),
  locale: aiLocaleSchema.optional(),
});
export type AiChatRequest = z.infer<typeof aiChatRequestSchema>;

// POST /api/ai/onboarding
export const aiOnboardingRequestSchema = z.object({ locale: aiLocaleSchema.optional() });

/** A source an answer is grounded in: a docs section, a template, or one of the caller's own workflows. */
export const knowledgeSourceSchema = z.object({
  kind: z.enum(['doc', 'template', 'workflow', 'step']),
  id: z.string(),
  title: z.string(),
  href: z.string(),
});
export type KnowledgeSource = z.infer<typeof knowledgeSourceSchema>;

/**
 * Streamed answers (chat, onboarding) are NDJSON, one event a line: `meta` first (source, grounding, and for
 * onboarding the checklist), then `delta` text chunks, then `done` — or `error` if the stream broke midway.
 */
export type AiStreamEvent =
  | ({ type: 'meta'; sources: KnowledgeSource[]; data?: unknown } & AiSource)
  | { type: 'delta'; text: string }
  | { type: 'done' }
  | { type: 'error'; code: string; message: string };
