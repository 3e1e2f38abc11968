// The one placeholder syntax of templates: `YOUR-…` tokens and example hosts (RFC 2606), and the finder of a
// definition's unfilled placeholders (and, with the connections its steps name, everything it needs), with field paths.
import { listConnectionNeeds } from '@/lib/workflows/credentials/list-connection-needs';

/**
 * `token`: an upper-case `YOUR-…` / `YOUR_…` word (`YOUR-STRIPE-SECRET-KEY`, `YOUR_SPREADSHEET_ID`, `YOUR-SHOP`);
 * `example_host`: a name under example.com/.org/.net (`you@example.com`, `https://your-site.example.com/`).
 */
const registry = [
  { kind: 'token', pattern: /(?<![A-Za-z0-9])YOUR[-_][A-Z0-9]+(?:[-_][A-Z0-9]+)*(?![a-z0-9])/ },
  { kind: 'example_host', pattern: /(?<![\w-])(?:[a-z0-9-]+\.)*example\.(?:com|org|net)(?![\w-])/i },
] as const;
export type PlaceholderKind = (typeof registry)[number]['kind'];

const SECRET_WORD = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL|AUTH/i;
const SECRET_FIELD = /^headers\.(authorization|x-[\w-]*(token|key|auth)[\w-]*)$/i;

/** The first placeholder in a text, or null when the text holds none. */
export function findPlaceholder(text: string): { kind: PlaceholderKind; value: string } | null {
  for (const { kind, pattern } of registry) {
    const match = pattern.exec(text);
    if (match) return { kind, value: match[0] };
  }
  return null;
}

/** One field still holding a template's example value. `secret`: it stands for a key or token. */
export type PlaceholderNeed = {
  path: string;
  stepId: string;
  /** The field inside the step's config (`headers.Authorization`, `url`, `to`). */
  field: string;
  value: string;
  kind: PlaceholderKind;
  secret: boolean;
};

type StepLike = { id: string; type: string; config?: Record<string, unknown> };

function walk(value: unknown, at: string[], visit: (text: string, at: string[]) => void): void {
  if (typeof value === 'string') visit(value, at);
  else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, String(i)], visit));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) walk(item, [...at, key], visit);
}

/** Calls `visit` for every string in each step's config (not the connection names), with its path. */
export function eachConfigString(
  steps: readonly StepLike[],
  visit: (text: string, where: { path: string; stepId: string; field: string }) => void,
): void {
  steps.forEach((step, i) => {
    const { credential: _credential, signingCredential: _signing, ...config } = step.config ?? {};
    walk(config, [], (text, at) =>
      visit(text, { path: ['steps', i, 'config', ...at].join('.'), stepId: step.id, field: at.join('.') }),
    );
  });
}

export function listPlaceholders(definition: { steps: readonly StepLike[] }): PlaceholderNeed[] {
  const needs: PlaceholderNeed[] = [];
  eachConfigString(definition.steps, (text, where) => {
    const found = findPlaceholder(text);
    if (found)
      needs.push({ ...where, ...found, secret: SECRET_WORD.test(found.value) || SECRET_FIELD.test(where.field) });
  });
  return needs;
}

/** Everything a definition needs before it can be switched on: fields to fill and connections to have. */
export function listDefinitionNeeds(definition: { steps: readonly StepLike[] }) {
  return { placeholders: listPlaceholders(definition), connections: listConnectionNeeds(definition) };
}
