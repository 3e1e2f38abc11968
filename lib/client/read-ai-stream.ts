// Reads a streamed AI answer (NDJSON from /api/ai/chat and /api/ai/onboarding) event by event in the browser.
import type { AiStreamEvent } from '@/lib/ai/schemas';

export async function readAiStream(response: Response, onEvent: (event: AiStreamEvent) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as AiStreamEvent);
  }
  if (buffered.trim()) onEvent(JSON.parse(buffered) as AiStreamEvent);
}
