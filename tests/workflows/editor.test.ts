import { describe, expect, it } from 'vitest';
import { stepTypes } from '@/lib/workflows/definition';
import {
  type EditorDefinition,
  insertStep,
  moveStep,
  removeStep,
  renameStep,
  setConfigField,
  stepTargets,
} from '@/lib/workflows/editor/edit-definition';
import { mapIssues } from '@/lib/workflows/editor/map-issues';
import { validateDefinition } from '@/lib/workflows/validate-definition';

const orders = (): EditorDefinition => ({
  name: 'Orders',
  trigger: { type: 'manual' },
  steps: [
    { id: 'fetch', type: 'http_request', config: { url: 'https://api.example.com/orders' } },
    {
      id: 'check',
      type: 'condition',
      config: { rules: [{ left: '{{steps.fetch.output.status}}', op: 'eq', right: 200 }], then: 'save', else: 'alert' },
    },
    {
      id: 'save',
      type: 'backup',
      config: { name: 'orders', format: 'json', data: '{{steps.fetch.output.body}}' },
      next: null,
    },
    { id: 'alert', type: 'log', config: { message: 'failed' } },
  ],
});
const ids = (definition: EditorDefinition) => definition.steps.map((step) => step.id);

describe('visual editor: definition edits', () => {
  it('moves a step down and up without touching the others', () => {
    expect(ids(moveStep(orders(), 0, 2))).toEqual(['check', 'save', 'fetch', 'alert']);
    expect(ids(moveStep(orders(), 3, 0))).toEqual(['alert', 'fetch', 'check', 'save']);
    expect(ids(moveStep(orders(), 3, 99))).toEqual(['fetch', 'check', 'save', 'alert']);
  });

  it('inserts a step of a type with a unique lower_snake_case id and its default config', () => {
    const once = insertStep(orders(), 'http_request', 1);
    expect(once.index).toBe(1);
    expect(once.definition.steps[1]).toEqual({ id: 'http_request', type: 'http_request', config: { method: 'GET' } });
    const twice = insertStep(once.definition, 'http_request');
    expect(ids(twice.definition).at(-1)).toBe('http_request_2');
    expect(ids(twice.definition)).toHaveLength(6);
  });

  it('points a new condition at the step that follows it', () => {
    const { definition } = insertStep(orders(), 'condition', 3);
    expect(definition.steps[3]!.config).toMatchObject({ then: 'alert', else: null, match: 'all' });
  });

  it('gives every step type a default config the validator accepts once required fields are filled', () => {
    const required: Record<string, Record<string, unknown>> = {
      http_request: { url: 'https://api.example.com/orders' },
      log: { message: 'hi' },
      email: { to: 'ops@example.com', subject: 'Hi', text: 'Hello' },
      backup: { name: 'orders', data: '{{trigger.payload}}' },
      slack: { credential: 'team', text: 'Hi' },
      telegram: { credential: 'bot', chatId: '-100123', text: 'Hi' },
      notion: { credential: 'notes', databaseId: '0123456789abcdef0123456789abcdef' },
      google_sheets: { credential: 'sheets', spreadsheetId: '1AbCdEfGhIjKlMnOp', range: 'Sheet1', values: [['a']] },
      webhook: { url: 'https://hooks.example.com/x' },
      condition: { rules: [{ left: '{{trigger.payload.ok}}', op: 'exists' }] },
    };
    for (const type of stepTypes) {
      const { definition } = insertStep({ name: 'One step', trigger: { type: 'manual' }, steps: [] }, type);
      const step = definition.steps[0]!;
      const filled = { ...definition, steps: [{ ...step, config: { ...step.config, ...required[type] } }] };
      const result = validateDefinition(filled);
      expect(result.ok ? [] : result.issues, type).toEqual([]);
    }
  });

  it('removes a step and clears the references to it', () => {
    const without = removeStep(orders(), 2);
    expect(ids(without)).toEqual(['fetch', 'check', 'alert']);
    expect(without.steps[1]!.config).toMatchObject({ then: null, else: 'alert' });
    const pointed: EditorDefinition = {
      ...orders(),
      steps: orders().steps.map((step) => (step.id === 'fetch' ? { ...step, next: 'alert' } : step)),
    };
    expect(removeStep(pointed, 3).steps[0]).not.toHaveProperty('next');
  });

  it('renames a step and its references follow, unless the id clashes with another step', () => {
    const renamed = renameStep(orders(), 2, 'store');
    expect(renamed.steps[1]!.config).toMatchObject({ then: 'store', else: 'alert' });
    const clash = renameStep(orders(), 2, 'alert');
    expect(clash.steps[1]!.config).toMatchObject({ then: 'save', else: 'alert' });
    expect(renameStep(clash, 2, 'alerts').steps[1]!.config).toMatchObject({ then: 'save', else: 'alert' });
  });

  it('labels where each step goes: branches, an explicit end, or the next in the list', () => {
    const definition = orders();
    expect(stepTargets(definition, 0)).toEqual([{ kind: 'next', target: 'check' }]);
    expect(stepTargets(definition, 1)).toEqual([
      { kind: 'then', target: 'save' },
      { kind: 'else', target: 'alert' },
    ]);
    expect(stepTargets(definition, 2)).toEqual([{ kind: 'next', target: null }]);
    expect(stepTargets(definition, 3)).toEqual([{ kind: 'next', target: null }]);
  });
});

describe('visual editor: placing validation issues', () => {
  it('puts a config issue on the step field it names, straight from the validator', () => {
    const { definition } = insertStep(orders(), 'http_request', 1);
    const result = validateDefinition(definition);
    if (result.ok) throw new Error('expected a missing URL');
    const map = mapIssues(result.issues, definition.steps);
    expect(map.steps[1]!.fields.url?.[0]?.path).toBe('steps.1.config.url');
    expect(map.steps[0]!.count).toBe(0);
    expect(map.general).toEqual([]);
  });

  it('shows a refused address on the URL field', () => {
    const definition = setConfigField(orders(), 0, 'url', 'http://127.0.0.1/');
    const result = validateDefinition(definition);
    if (result.ok) throw new Error('expected the address to be refused');
    const map = mapIssues(result.issues, definition.steps);
    expect(map.steps[0]!.fields.url?.[0]?.code).toBe('egress_refused');
  });

  it('sorts step-level, own-field, trigger, settings, workflow and unknown paths', () => {
    const steps = orders().steps;
    const map = mapIssues(
      [
        { path: 'steps.2', code: 'unreachable', message: 'x', stepId: 'save' },
        { path: 'steps.1.config.rules.0.op', message: 'x', stepId: 'check' },
        { path: 'steps.3.next', message: 'x', stepId: 'alert' },
        { path: 'trigger.cron', message: 'x' },
        { path: 'settings.retry.maxAttempts', message: 'x' },
        { path: 'name', message: 'x' },
        { path: 'steps', message: 'At most 50 steps' },
      ],
      steps,
    );
    expect(map.steps[2]!.step).toHaveLength(1);
    expect(Object.keys(map.steps[1]!.fields)).toEqual(['rules']);
    expect(Object.keys(map.steps[3]!.own)).toEqual(['next']);
    expect(Object.keys(map.trigger)).toEqual(['cron']);
    expect(Object.keys(map.settings)).toEqual(['retry.maxAttempts']);
    expect(Object.keys(map.workflow)).toEqual(['name']);
    expect(map.general.map((issue) => issue.path)).toEqual(['steps']);
  });

  it('follows the step id when the steps moved since validation', () => {
    const moved = moveStep(orders(), 0, 3);
    const map = mapIssues([{ path: 'steps.0.config.url', message: 'x', stepId: 'fetch' }], moved.steps);
    expect(map.steps[3]!.fields.url).toHaveLength(1);
    expect(map.steps[0]!.count).toBe(0);
  });
});
