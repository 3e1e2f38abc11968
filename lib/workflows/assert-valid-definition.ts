import 'server-only';
// Validates a definition for saving: 422 with every issue (field path, step, message) when it is not valid.
import { AppError } from '@/lib/errors';
import type { WorkflowDefinition } from './definition';
import { validateDefinition } from './validate-definition';

export function assertValidDefinition(input: unknown, workflowId?: string): WorkflowDefinition {
  const result = validateDefinition(input, { workflowId });
  if (!result.ok) throw new AppError('validation_failed', 'The workflow is not valid', { issues: result.issues });
  return result.definition;
}
