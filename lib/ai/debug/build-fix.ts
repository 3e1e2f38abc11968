// A proposed definition turned into a fix the user may accept: only when it passes the validator and changes
// something; the changes are listed leaf by leaf and the fix names the version it was made from.
import type { AiFix } from '@/lib/ai/schemas';
import type { WorkflowDefinition } from '@/lib/workflows/definition';
import { validateDefinition } from '@/lib/workflows/validate-definition';
import { diffDefinitions } from './diff-definitions';

export type FixBase = { definition: WorkflowDefinition; version: number; workflowId: string };

export function buildFix(base: FixBase, proposed: unknown, summary: string): AiFix | null {
  const result = validateDefinition(proposed, { workflowId: base.workflowId });
  if (!result.ok) return null;
  const changes = diffDefinitions(base.definition, result.definition);
  if (changes.length === 0) return null;
  return { summary, baseVersion: base.version, definition: result.definition, changes };
}
