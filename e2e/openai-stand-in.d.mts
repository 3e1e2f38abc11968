// Types of the local OpenAI stand-in (openai-stand-in.mjs).
import type { IncomingHttpHeaders } from 'node:http';

/** One scripted reply: content for a structured or text answer, or a failure of a kind the SDK must survive. */
export type StandInReply =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'raw-content'; content: string }
  | { kind: 'status'; status: number; retryAfter?: number; body?: unknown }
  | { kind: 'hang' }
  | { kind: 'malformed-body' }
  | { kind: 'refusal'; text: string }
  | { kind: 'stream-break'; text: string };

export type StandInRequest = { path: string; headers: IncomingHttpHeaders; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the posted JSON, read loosely by tests

export type OpenAiStandInHandle = {
  url: string;
  apiKey: string;
  requests: StandInRequest[];
  reply: (...replies: StandInReply[]) => void;
  close: () => Promise<void>;
};

export function startOpenAiStandIn(options?: {
  fallback?: (request: StandInRequest) => StandInReply;
  usage?: { prompt: number; completion: number };
}): Promise<OpenAiStandInHandle>;
