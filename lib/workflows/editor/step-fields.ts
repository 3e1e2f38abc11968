// What the visual editor shows for each step type: the config fields in order, how each is edited, and default configs.
import type { StepType } from '../definition';

/**
 * text/textarea: a string; number: a number (or a `{{template}}` string); select: one of `options`;
 * checkbox: a boolean; json: strict JSON (objects, lists); any: JSON when it parses as an object or list, text otherwise.
 */
export type FieldKind = 'text' | 'textarea' | 'number' | 'select' | 'checkbox' | 'json' | 'any';
export type FieldSpec = {
  name: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  placeholder?: string;
};

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/** Every type but `condition`, whose rules and branches have their own form. */
export const stepFields: Record<Exclude<StepType, 'condition'>, FieldSpec[]> = {
  http_request: [
    { name: 'method', kind: 'select', options: methods },
    { name: 'url', kind: 'text', required: true, placeholder: 'https://api.example.com/orders' },
    { name: 'headers', kind: 'json', placeholder: '{ "Authorization": "Bearer …" }' },
    { name: 'query', kind: 'json', placeholder: '{ "page": 1 }' },
    { name: 'body', kind: 'any' },
    { name: 'timeoutMs', kind: 'number', placeholder: '30000' },
    { name: 'expectStatus', kind: 'json', placeholder: '[200, 201]' },
  ],
  delay: [
    { name: 'seconds', kind: 'number' },
    { name: 'minutes', kind: 'number' },
    { name: 'hours', kind: 'number' },
    { name: 'days', kind: 'number' },
    { name: 'until', kind: 'text', placeholder: '2026-12-01T09:00:00Z' },
  ],
  log: [
    { name: 'message', kind: 'textarea', required: true, placeholder: 'Order {{trigger.payload.id}} received' },
    { name: 'level', kind: 'select', options: ['info', 'warn', 'error'] },
  ],
  email: [
    { name: 'to', kind: 'text', required: true, placeholder: 'ops@example.com' },
    { name: 'subject', kind: 'text', required: true },
    { name: 'text', kind: 'textarea', required: true },
  ],
  transform: [
    { name: 'value', kind: 'any', placeholder: '{ "total": "{{steps.fetch.output.body.total}}" }' },
    { name: 'pick', kind: 'json', placeholder: '{ "from": "{{steps.fetch.output.body}}", "keys": ["id"] }' },
    { name: 'map', kind: 'json', placeholder: '{ "over": "{{steps.fetch.output.body.items}}", "to": "{{item.id}}" }' },
  ],
  approval: [{ name: 'message', kind: 'textarea', placeholder: 'Approve this run?' }],
  backup: [
    { name: 'name', kind: 'text', required: true },
    { name: 'format', kind: 'select', required: true, options: ['json', 'csv', 'text', 'binary'] },
    { name: 'data', kind: 'any', required: true, placeholder: '{{steps.fetch.output.body}}' },
    { name: 'source', kind: 'text' },
  ],
  slack: [
    { name: 'credential', kind: 'text', required: true },
    { name: 'text', kind: 'textarea', required: true },
    { name: 'blocks', kind: 'json' },
  ],
  telegram: [
    { name: 'credential', kind: 'text', required: true },
    { name: 'chatId', kind: 'text', required: true, placeholder: '-1001234567890' },
    { name: 'text', kind: 'textarea', required: true },
    { name: 'parseMode', kind: 'select', options: ['MarkdownV2', 'HTML', 'Markdown'] },
    { name: 'disableNotification', kind: 'checkbox' },
  ],
  notion: [
    { name: 'credential', kind: 'text', required: true },
    { name: 'databaseId', kind: 'text' },
    { name: 'pageId', kind: 'text' },
    { name: 'title', kind: 'text' },
    { name: 'titleProperty', kind: 'text', placeholder: 'Name' },
    { name: 'properties', kind: 'json' },
    { name: 'content', kind: 'textarea' },
  ],
  google_sheets: [
    { name: 'credential', kind: 'text', required: true },
    { name: 'spreadsheetId', kind: 'text', required: true },
    { name: 'range', kind: 'text', required: true, placeholder: 'Sheet1!A:D' },
    {
      name: 'values',
      kind: 'json',
      required: true,
      placeholder: '[["{{trigger.payload.id}}", "{{trigger.payload.total}}"]]',
    },
    { name: 'valueInputOption', kind: 'select', options: ['USER_ENTERED', 'RAW'] },
  ],
  webhook: [
    { name: 'url', kind: 'text', required: true, placeholder: 'https://hooks.example.com/levqor' },
    { name: 'method', kind: 'select', options: ['POST', 'PUT', 'PATCH'] },
    { name: 'headers', kind: 'json' },
    { name: 'body', kind: 'any' },
    { name: 'signingCredential', kind: 'text' },
    { name: 'timeoutMs', kind: 'number', placeholder: '30000' },
  ],
};

/** A new step's config: the schema defaults worth showing; required fields are left for the person to fill in. */
export function defaultConfig(type: StepType): Record<string, unknown> {
  switch (type) {
    case 'http_request':
      return { method: 'GET' };
    case 'delay':
      return { minutes: 1 };
    case 'log':
      return { level: 'info' };
    case 'condition':
      return { rules: [{ left: '', op: 'eq', right: '' }], match: 'all', then: null, else: null };
    case 'transform':
      return { value: {} };
    case 'approval':
      return { message: 'Approve this run?' };
    case 'backup':
      return { format: 'json' };
    case 'webhook':
      return { method: 'POST' };
    default:
      return {};
  }
}
