import { describe, expect, it } from 'vitest';
import { buildFallbackWorkflow } from '@/lib/ai/workflow/build-fallback-workflow';
import { englishStepTexts, stepTextsFor, thingConcepts } from '@/lib/ai/workflow/step-texts';
import { validateDefinition } from '@/lib/workflows/validate-definition';

const texts = (definition: { steps: { config: Record<string, unknown> }[] }) =>
  JSON.stringify(definition.steps.map((step) => step.config));

describe('the words the built-in builder writes into steps', () => {
  it('are the English messages word for word when no locale is given', async () => {
    const fromMessages = await stepTextsFor('en-GB-unknown');
    for (const thing of [...thingConcepts, null])
      for (const app of ['Shopify', null])
        expect(fromMessages.subject(thing, app)).toBe(englishStepTexts.subject(thing, app));
    expect(fromMessages.newItems('orders', '{{x}}')).toBe(englishStepTexts.newItems('orders', '{{x}}'));
    expect(fromMessages.finished('orders', '{{run.id}}')).toBe(englishStepTexts.finished('orders', '{{run.id}}'));
  });

  it('follow the request language and keep the run-data templates intact', async () => {
    const prompt = 'Cada noche a las 11 guarda una copia de mis facturas y avísame por correo';
    const english = buildFallbackWorkflow(prompt).definition;
    const spanish = buildFallbackWorkflow(prompt, { texts: await stepTextsFor('es') }).definition;
    expect(validateDefinition(spanish).ok).toBe(true);
    expect(spanish.steps.map((step) => step.type)).toEqual(english.steps.map((step) => step.type));
    expect(texts(spanish)).toContain('facturas');
    expect(texts(spanish)).toContain('Terminado');
    expect(texts(spanish)).not.toContain('Finished');
    expect(texts(spanish)).toContain('{{run.id}}');
  });

  it('say "started by hand" in the reader’s language for a request that names nothing to automate', async () => {
    const { definition } = buildFallbackWorkflow('hola', { texts: await stepTextsFor('de') });
    expect(definition.steps[0]!.config).toEqual({ message: 'Von Hand gestartet (Lauf {{run.id}})' });
  });
});
