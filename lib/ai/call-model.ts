import 'server-only';
// The one way to the model: checks the kill switch, throttles and budgets, reserves an AI credit, calls the model
// (structured output from a zod schema, or streamed text), and records model, tokens, cost and latency. When the model
// cannot or may not answer, it throws ModelUnavailableError with the reason, so the caller answers from its fallback.
import { randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import { LengthFinishReasonError } from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { grantCredits } from '@/lib/billing/grant-credits';
import { spendCredits } from '@/lib/billing/spend-credits';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { checkAiAllowed } from './guard/check-ai-allowed';
import { type AiClient, getAiClient } from './openai-client';
import { costMicrocents } from './pricing';
import { recordAiCall } from './record-ai-call';
import type { AiFeature, FallbackReason } from './schemas';

/** Credits one model call spends from the workspace's ledger (fallback answers are free). */
export const CREDITS_PER_CALL = 1;

export type AiCallContext = {
  db: Db;
  scope: Scope;
  feature: AiFeature;
  now?: () => Date;
  /** The model client; default the one from the environment (null: not configured). */
  client?: AiClient | null;
};

export type ModelMessage = { role: 'user' | 'assistant'; content: string };

export class ModelUnavailableError extends Error {
  constructor(
    readonly reason: FallbackReason,
    message = `The model is not available (${reason})`,
  ) {
    super(message);
    this.name = 'ModelUnavailableError';
  }
}

type Admitted = { client: AiClient; callId: string; startedAt: number };

export async function callModelStructured<S extends z.ZodType>(
  ctx: AiCallContext,
  request: { system: string; messages: ModelMessage[]; schema: S; schemaName: string; maxOutputTokens?: number },
): Promise<z.infer<S>> {
  const admitted = await admit(ctx);
  const { client } = admitted;
  try {
    const completion = await client.openai.chat.completions.parse({
      model: client.model,
      messages: toMessages(request.system, request.messages),
      response_format: zodResponseFormat(request.schema, request.schemaName),
      max_completion_tokens: request.maxOutputTokens ?? 2_000,
      temperature: 0.2,
    });
    const usage = completion.usage;
    const message = completion.choices[0]?.message;
    const parsed = message?.parsed ?? null;
    await finish(ctx, admitted, {
      promptTokens: usage?.prompt_tokens ?? 0,
      completionTokens: usage?.completion_tokens ?? 0,
      errorCode: parsed === null ? (message?.refusal ? 'refusal' : 'empty_output') : null,
    });
    if (parsed === null) throw new ModelUnavailableError('invalid_output');
    return parsed as z.infer<S>;
  } catch (error) {
    if (error instanceof ModelUnavailableError) throw error;
    throw await failed(ctx, admitted, error);
  }
}

/**
 * Streams the model's text. Throws ModelUnavailableError before the first chunk when the model may not or cannot
 * answer; an error midway is thrown from the iterator (after what was already sent).
 */
export async function streamModelText(
  ctx: AiCallContext,
  request: { system: string; messages: ModelMessage[]; maxOutputTokens?: number },
): Promise<AsyncIterable<string>> {
  const admitted = await admit(ctx);
  const { client } = admitted;
  let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
  try {
    stream = await client.openai.chat.completions.create({
      model: client.model,
      messages: toMessages(request.system, request.messages),
      max_completion_tokens: request.maxOutputTokens ?? 1_000,
      temperature: 0.3,
      stream: true,
      stream_options: { include_usage: true },
    });
  } catch (error) {
    throw await failed(ctx, admitted, error);
  }
  return (async function* () {
    let usage: OpenAI.CompletionUsage | null | undefined;
    let characters = 0;
    let finished = false;
    try {
      for await (const chunk of stream) {
        if (chunk.usage) usage = chunk.usage;
        if (chunk.choices[0]?.finish_reason) finished = true;
        const text = chunk.choices[0]?.delta?.content;
        if (text) {
          characters += text.length;
          yield text;
        }
      }
      // NOTE: a connection cut mid-stream ends the SDK's iterator quietly; only a finish_reason says it is complete.
      if (!finished) throw new Error('The model stream ended before the answer was complete');
    } catch (error) {
      await finish(ctx, admitted, { ...estimate(usage, characters), errorCode: errorCodeOf(error) });
      throw error;
    }
    await finish(ctx, admitted, estimate(usage, characters));
  })();
}

/** Records an answer that came from a fallback without any call to callModel* (those record themselves). */
export async function recordFallback(ctx: AiCallContext, reason: FallbackReason): Promise<void> {
  await recordAiCall(ctx.db, {
    workspaceId: ctx.scope.workspaceId,
    userId: ctx.scope.userId,
    feature: ctx.feature,
    source: 'fallback',
    fallbackReason: reason,
  });
}

async function admit(ctx: AiCallContext): Promise<Admitted> {
  const client = ctx.client === undefined ? getAiClient() : ctx.client;
  if (!client) return refuse(ctx, 'not_configured');
  const now = ctx.now?.() ?? new Date();
  const blocked = await checkAiAllowed(ctx.db, ctx.scope.workspaceId, now);
  if (blocked) return refuse(ctx, blocked);
  const callId = randomUUID();
  try {
    await spendCredits(ctx.db, ctx.scope.workspaceId, CREDITS_PER_CALL, `ai_${ctx.feature}`, `ai:${callId}`, { now });
  } catch (error) {
    if (error instanceof AppError && error.code === 'limit_reached') return refuse(ctx, 'credits_exhausted');
    throw error;
  }
  return { client, callId, startedAt: performance.now() };
}

async function refuse(ctx: AiCallContext, reason: FallbackReason): Promise<never> {
  await recordFallback(ctx, reason);
  throw new ModelUnavailableError(reason);
}

async function finish(
  ctx: AiCallContext,
  admitted: Admitted,
  result: { promptTokens: number; completionTokens: number; errorCode?: string | null; refunded?: boolean },
): Promise<void> {
  const model = admitted.client.model;
  await recordAiCall(ctx.db, {
    id: admitted.callId,
    workspaceId: ctx.scope.workspaceId,
    userId: ctx.scope.userId,
    feature: ctx.feature,
    source: 'model',
    model,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    costMicrocents: costMicrocents(model, result.promptTokens, result.completionTokens),
    credits: result.refunded ? 0 : CREDITS_PER_CALL,
    latencyMs: performance.now() - admitted.startedAt,
    errorCode: result.errorCode ?? null,
  });
}

/** A provider failure: the credit goes back (no answer was given), the call is recorded, the caller falls back. */
async function failed(ctx: AiCallContext, admitted: Admitted, error: unknown): Promise<ModelUnavailableError> {
  const code = errorCodeOf(error);
  const invalid = code === 'invalid_output';
  logger.warn({ feature: ctx.feature, code, status: (error as { status?: number }).status }, 'ai model call failed');
  if (!invalid)
    await grantCredits(ctx.db, ctx.scope.workspaceId, {
      amount: CREDITS_PER_CALL,
      reason: 'ai_refund',
      idempotencyKey: `ai-refund:${admitted.callId}`,
    });
  await finish(ctx, admitted, { promptTokens: 0, completionTokens: 0, errorCode: code, refunded: !invalid });
  return new ModelUnavailableError(invalid ? 'invalid_output' : 'provider_error');
}

function errorCodeOf(error: unknown): string {
  if (error instanceof Error && error.message.startsWith('The model stream ended')) return 'stream_interrupted';
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'connection_error';
  if (error instanceof OpenAI.APIError) return `http_${error.status ?? 'error'}`;
  if (error instanceof LengthFinishReasonError || error instanceof SyntaxError) return 'invalid_output';
  if ((error as { name?: string })?.name === 'ZodError') return 'invalid_output';
  return 'provider_error';
}

/** Usage as reported; when a stream ended without it, about four characters a token. */
function estimate(usage: OpenAI.CompletionUsage | null | undefined, characters: number) {
  return usage
    ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens }
    : { promptTokens: 0, completionTokens: Math.ceil(characters / 4) };
}

function toMessages(system: string, messages: ModelMessage[]): ChatCompletionMessageParam[] {
  return [{ role: 'system', content: system }, ...messages.map((m) => ({ role: m.role, content: m.content }))];
}
