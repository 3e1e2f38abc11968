import 'server-only';
// A streamed AI answer as NDJSON: the `meta` event (source, grounding, data), then text deltas, then `done` — or
// `error` when the model's stream breaks midway (what was sent stays; the UI says the answer was cut off).
import { logger } from '@/lib/logger';
import type { AiStreamEvent } from './schemas';

type Meta = Omit<Extract<AiStreamEvent, { type: 'meta' }>, 'type'>;

export function streamAnswer(meta: Meta, text: AsyncIterable<string> | string): Response {
  const encoder = new TextEncoder();
  const line = (event: AiStreamEvent) => encoder.encode(`${JSON.stringify(event)}\n`);
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(line({ type: 'meta', ...meta }));
      try {
        for await (const chunk of typeof text === 'string' ? chunked(text) : text)
          controller.enqueue(line({ type: 'delta', text: chunk }));
        controller.enqueue(line({ type: 'done' }));
      } catch (error) {
        logger.warn({ err: error }, 'ai answer stream broke');
        controller.enqueue(line({ type: 'error', code: 'stream_interrupted', message: 'The answer was cut off' }));
      }
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-levqor-ai-source': meta.source,
    },
  });
}

/** A fallback's fixed text, sent a sentence at a time like a model's answer. */
async function* chunked(text: string): AsyncIterable<string> {
  for (const part of text.match(/[^.!?。！？\n]+[.!?。！？\n]*\s*/gu) ?? [text]) yield part;
}
