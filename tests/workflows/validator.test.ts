import { describe, expect, it } from 'vitest';
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';
import { validateDefinition } from '@/lib/workflows/validate-definition';

const base = (
  steps: WorkflowDefinitionInput['steps'],
  extra: Partial<WorkflowDefinitionInput> = {},
): WorkflowDefinitionInput => ({
  name: 'Nightly export',
  trigger: { type: 'manual' },
  steps,
  ...extra,
});

function issuesOf(input: unknown) {
  const result = validateDefinition(input);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.issues;
}

describe('the workflow validator', () => {
  it('accepts a workflow whose steps, branches and templates all line up', () => {
    const result = validateDefinition(
      base([
        { id: 'fetch', type: 'http_request', config: { url: 'https://api.example.com/orders' } },
        {
          id: 'check',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.fetch.output.status}}', op: 'eq', right: 200 }],
            then: 'save',
            else: 'alert',
          },
        },
        {
          id: 'save',
          type: 'backup',
          config: { name: 'orders', format: 'json', data: '{{steps.fetch.output.body}}' },
          next: null,
        },
        {
          id: 'alert',
          type: 'log',
          config: { message: 'fetch failed with {{steps.fetch.output.status}}', level: 'error' },
        },
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it('names the step and field of a missing required config value', () => {
    expect(issuesOf(base([{ id: 'fetch', type: 'http_request', config: {} }]))).toContainEqual(
      expect.objectContaining({ path: 'steps.0.config.url', stepId: 'fetch' }),
    );
  });

  it('refuses a `next` that names no step', () => {
    expect(issuesOf(base([{ id: 'a', type: 'log', config: { message: 'x' }, next: 'nowhere' }]))).toContainEqual(
      expect.objectContaining({ path: 'steps.0.next', code: 'unknown_step', stepId: 'a' }),
    );
  });

  it('refuses a condition branch that names no step', () => {
    const issues = issuesOf(
      base([
        { id: 'c', type: 'condition', config: { rules: [{ left: 1, op: 'eq', right: 1 }], then: 'ghost', else: null } },
      ]),
    );
    expect(issues).toContainEqual(expect.objectContaining({ path: 'steps.0.config', code: 'unknown_step' }));
  });

  it('refuses a template that reads an unknown step or one that runs later', () => {
    const issues = issuesOf(
      base([
        { id: 'first', type: 'log', config: { message: '{{steps.second.output.message}}' } },
        { id: 'second', type: 'log', config: { message: '{{steps.ghost.output}}' } },
      ]),
    );
    expect(issues.map((i) => [i.stepId, i.code, i.message])).toEqual([
      [
        'first',
        'unknown_reference',
        '{{steps.second.output.message}} reads step second, which does not run before first',
      ],
      ['second', 'unknown_reference', '{{steps.ghost.output}} refers to an unknown step "ghost"'],
    ]);
  });

  it('refuses a step no path leads to', () => {
    const issues = issuesOf(
      base([
        { id: 'a', type: 'log', config: { message: 'x' }, next: null },
        { id: 'orphan', type: 'log', config: { message: 'y' } },
      ]),
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'steps.1', code: 'unreachable', stepId: 'orphan' })]);
  });

  it('refuses a loop between steps and names it', () => {
    const issues = issuesOf(
      base([
        { id: 'a', type: 'log', config: { message: 'x' } },
        { id: 'b', type: 'log', config: { message: 'y' }, next: 'a' },
      ]),
    );
    expect(issues).toEqual([expect.objectContaining({ code: 'cycle', message: 'The steps form a loop: a → b → a' })]);
  });

  it('refuses duplicate step ids and badly named ones', () => {
    expect(
      issuesOf(
        base([
          { id: 'a', type: 'log', config: { message: 'x' } },
          { id: 'a', type: 'log', config: { message: 'y' } },
        ]),
      ),
    ).toContainEqual(expect.objectContaining({ path: 'steps.1.id', code: 'duplicate_id' }));
    expect(issuesOf(base([{ id: 'Fetch Orders', type: 'log', config: {} }]))[0]).toMatchObject({ path: 'steps.0.id' });
  });

  it('limits the number of steps and the size of the definition', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({
      id: `s${i}`,
      type: 'log' as const,
      config: { message: 'x' },
    }));
    expect(issuesOf(base(many))[0]).toMatchObject({ path: 'steps' });
    const huge = base([{ id: 'a', type: 'log', config: { message: 'x'.repeat(70_000) } }]);
    expect(issuesOf(huge)[0]).toMatchObject({ code: 'too_big' });
  });

  it.each([
    ['http://127.0.0.1:8080/admin'],
    ['http://10.0.0.1/'],
    ['http://169.254.169.254/latest/meta-data/'],
    ['http://localhost/'],
    ['http://[::1]/'],
  ])('refuses a request to the private address %s', (url) => {
    expect(issuesOf(base([{ id: 'call', type: 'http_request', config: { url } }]))).toContainEqual(
      expect.objectContaining({ path: 'steps.0.config.url', code: 'egress_refused', stepId: 'call' }),
    );
  });

  it('leaves a templated value to be checked when the run resolves it', () => {
    const result = validateDefinition(
      base([
        { id: 'shape', type: 'transform', config: { value: { wait: 5 } } },
        { id: 'wait', type: 'delay', config: { seconds: '{{steps.shape.output.wait}}' } },
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it('checks schedule triggers: cron expression and IANA time zone', () => {
    expect(
      issuesOf(
        base([{ id: 'a', type: 'log', config: { message: 'x' } }], {
          trigger: { type: 'schedule', cron: 'every day at 9', timezone: 'Europe/London' },
        }),
      ),
    ).toContainEqual(expect.objectContaining({ path: 'trigger.cron', code: 'cron_field_count' }));
    expect(
      issuesOf(
        base([{ id: 'a', type: 'log', config: { message: 'x' } }], {
          trigger: { type: 'schedule', cron: '0 9 * * 1-5', timezone: 'Mars/Olympus' },
        }),
      ),
    ).toContainEqual(expect.objectContaining({ path: 'trigger.timezone' }));
  });
});
