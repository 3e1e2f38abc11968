// The connections a definition's connector steps name (`credential`, or `signingCredential` on `webhook`), each with
// its field path: one reading for the setup checklist, the "used by" list and the placeholder scan.
import { connectorTypes, type ConnectorType } from './schemas';

/** The config fields that name a connection instead of holding a value. */
export const connectionFields = ['credential', 'signingCredential'] as const;

/** One connection a step names: the workspace needs a connection of that type by that name. */
export type ConnectionNeed = { path: string; stepId: string; connector: ConnectorType; credential: string };

type StepLike = { id: string; type: string; config?: Record<string, unknown> };

export function listConnectionNeeds(definition: { steps: readonly StepLike[] }): ConnectionNeed[] {
  const needs: ConnectionNeed[] = [];
  definition.steps.forEach((step, i) => {
    if (!(connectorTypes as readonly string[]).includes(step.type)) return;
    for (const key of connectionFields) {
      const name = step.config?.[key];
      if (typeof name === 'string' && name.trim())
        needs.push({
          path: `steps.${i}.config.${key}`,
          stepId: step.id,
          connector: step.type as ConnectorType,
          credential: name,
        });
    }
  });
  return needs;
}
