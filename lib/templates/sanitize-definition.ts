// Before a workflow is shared publicly: secrets in headers, query strings and URLs, and private recipients become
// placeholders (placeholders.ts syntax), and an event trigger (naming a workflow of the sharer's workspace) becomes manual.
import type { WorkflowDefinition, WorkflowStep } from '@/lib/workflows/definition';

const SECRET_NAME = /auth|token|key|secret|signature|password|passwd|cookie|session|credential/i;
export const SECRET_PLACEHOLDER = 'YOUR-VALUE';

function maskRecord(record: unknown): unknown {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [name, SECRET_NAME.test(name) ? SECRET_PLACEHOLDER : value]),
  );
}

function maskUrl(url: unknown): unknown {
  if (typeof url !== 'string' || url.includes('{{')) return url;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const name of [...parsed.searchParams.keys()])
      if (SECRET_NAME.test(name)) parsed.searchParams.set(name, SECRET_PLACEHOLDER);
    return parsed.toString();
  } catch {
    return url;
  }
}

const literal = (value: unknown) => typeof value === 'string' && !value.includes('{{');

function sanitizeStep(step: WorkflowStep): WorkflowStep {
  const config = { ...step.config };
  if (step.type === 'http_request' || step.type === 'webhook') {
    config.url = maskUrl(config.url);
    config.headers = maskRecord(config.headers);
    if (step.type === 'http_request') config.query = maskRecord(config.query);
  }
  if (step.type === 'email' && literal(config.to)) config.to = 'you@example.com';
  if (step.type === 'telegram' && literal(config.chatId)) config.chatId = 'YOUR-TELEGRAM-CHAT-ID';
  return { ...step, config };
}

export function sanitizeDefinition(definition: WorkflowDefinition): WorkflowDefinition {
  return {
    ...definition,
    trigger: definition.trigger.type === 'event' ? { type: 'manual' } : definition.trigger,
    steps: definition.steps.map(sanitizeStep),
  };
}
