// The local OpenAI stand-in for tests (e2e/openai-stand-in.mjs) and an AiClient pointed at it through the real SDK.
import OpenAI from 'openai';
import type { AiClient } from '@/lib/ai/openai-client';
import { startOpenAiStandIn } from '../../e2e/openai-stand-in.mjs';

export { startOpenAiStandIn };
export type OpenAiStandIn = Awaited<ReturnType<typeof startOpenAiStandIn>>;

/** The real SDK against the stand-in; `timeoutMs` short so a hanging reply falls back quickly. */
export function standInClient(
  standIn: OpenAiStandIn,
  options: { timeoutMs?: number; maxRetries?: number } = {},
): AiClient {
  return {
    openai: new OpenAI({
      apiKey: standIn.apiKey,
      baseURL: standIn.url,
      timeout: options.timeoutMs ?? 2_000,
      maxRetries: options.maxRetries ?? 1,
    }),
    model: 'gpt-4o-mini',
  };
}
