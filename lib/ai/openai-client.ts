import 'server-only';
// The OpenAI client of this process (null when OPENAI_API_KEY is not set: every AI answer then uses the fallbacks).
import OpenAI from 'openai';
import { getEnv } from '@/lib/env';

export type AiClient = { openai: OpenAI; model: string };

let cached: { key: string; client: AiClient } | undefined;

export function getAiClient(): AiClient | null {
  const env = getEnv();
  if (!env.OPENAI_API_KEY) return null;
  const key = `${env.OPENAI_API_KEY}|${env.OPENAI_BASE_URL ?? ''}|${env.OPENAI_MODEL}|${env.OPENAI_TIMEOUT_MS}`;
  if (cached?.key !== key) {
    const openai = new OpenAI({
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      timeout: env.OPENAI_TIMEOUT_MS,
      // NOTE: one retry (the SDK waits for Retry-After on 429); a second failure falls back instead of keeping the user.
      maxRetries: 1,
    });
    cached = { key, client: { openai, model: env.OPENAI_MODEL } };
  }
  return cached.client;
}
