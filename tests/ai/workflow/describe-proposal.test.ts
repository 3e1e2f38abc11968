// A proposed workflow in plain words: trigger, one sentence per step, what is still needed, in the reader's language.
import { describe, expect, it } from 'vitest';
import { buildFallbackWorkflow } from '@/lib/ai/workflow/build-fallback-workflow';
import { describeProposal } from '@/lib/ai/workflow/describe-proposal';
import { workflowDefinitionSchema } from '@/lib/workflows/definition';

const alert = buildFallbackWorkflow(
  'Every 5 minutes check my website and tell me on Telegram if it is down',
).definition;

describe('describeProposal', () => {
  it('lists the connections the steps name and every field still holding an example value', async () => {
    const { needs } = await describeProposal(alert, 'en');
    expect(needs).toContainEqual(
      expect.objectContaining({ kind: 'connection', connector: 'telegram', credential: 'telegram-alerts' }),
    );
    const fields = needs.filter((need) => need.kind === 'field');
    expect(fields.map((need) => need.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^steps\.\d+\.config\.chatId$/)]),
    );
    expect(fields.every((need) => need.stepId && need.message.length > 0)).toBe(true);
  });

  it('gives one sentence per step and says the workflow is saved switched off', async () => {
    const { steps, explanation } = await describeProposal(alert, 'en');
    expect(steps.map((step) => step.id)).toEqual(alert.steps.map((step) => step.id));
    expect(steps.every((step) => step.summary.length > 5)).toBe(true);
    expect(explanation).toContain('Every 5 minutes');
    expect(explanation).toMatch(/switched off/);
  });

  it('answers in the requested language', async () => {
    const [en, es, ja] = await Promise.all([
      describeProposal(alert, 'en'),
      describeProposal(alert, 'es'),
      describeProposal(alert, 'ja'),
    ]);
    expect(es.explanation).not.toBe(en.explanation);
    expect(es.explanation).toMatch(/desactivado/);
    expect(es.steps[0]!.summary).not.toBe(en.steps[0]!.summary);
    expect(ja.explanation).toMatch(/オフ/);
    expect(es.needs.map((need) => need.path)).toEqual(en.needs.map((need) => need.path));
  });

  it('names weekdays and durations in the reader’s words', async () => {
    const definition = workflowDefinitionSchema.parse({
      name: 'Review request',
      trigger: { type: 'schedule', cron: '0 9 * * 1', timezone: 'UTC' },
      steps: [
        { id: 'wait', type: 'delay', config: { days: 2 } },
        { id: 'record', type: 'log', config: { message: 'done' } },
      ],
    });
    const fr = await describeProposal(definition, 'fr');
    expect(fr.explanation).toMatch(/lundi/i);
    expect(fr.steps[0]!.summary).toMatch(/2\sjours/);
    expect(fr.needs).toEqual([]);
  });

  it('falls back to English for a locale it does not know', async () => {
    const { explanation } = await describeProposal(alert, 'xx');
    expect(explanation).toMatch(/switched off/);
  });

  it('asks which workflow should start one triggered by another workflow failing', async () => {
    const { definition } = buildFallbackWorkflow('When another workflow fails, email me');
    const { needs } = await describeProposal(definition, 'de');
    expect(needs).toContainEqual(expect.objectContaining({ kind: 'field', path: 'trigger.workflowId' }));
  });
});
