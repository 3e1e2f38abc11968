import 'server-only';
// Creates a workflow, disabled, from an exported file (or a bare definition); a bad file is a 422 whose issue paths
// point into the file as uploaded (`definition.steps.1.config.url`).
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { AppError, fieldIssues } from '@/lib/errors';
import { createWorkflow } from './create-workflow';
import { workflowFileSchema } from './schemas';
import type { ValidationIssue } from './validate-definition';
import type { WorkflowDetailDto } from './workflow-dto';

const invalidFile = (issues: ValidationIssue[]) =>
  new AppError('validation_failed', 'The file is not a valid Levqor workflow', { issues });

/** The definition inside `input`, and the path prefix its issues need: a file has an envelope, a bare definition has not. */
function unwrap(input: Record<string, unknown>): { definition: unknown; prefix: string } {
  if (!('format' in input) && !('formatVersion' in input)) return { definition: input, prefix: '' };
  const file = workflowFileSchema.safeParse(input);
  if (!file.success) throw invalidFile(fieldIssues(file.error));
  return { definition: file.data.definition, prefix: 'definition' };
}

export async function importWorkflow(db: Db, scope: Scope, input: Record<string, unknown>): Promise<WorkflowDetailDto> {
  const { definition, prefix } = unwrap(input);
  try {
    return await createWorkflow(db, scope, definition, {
      enabled: false,
      action: 'workflow.imported',
      meta: { from: prefix ? 'file' : 'definition' },
    });
  } catch (error) {
    const issues =
      error instanceof AppError && error.code === 'validation_failed'
        ? (error.details as { issues?: ValidationIssue[] } | undefined)?.issues
        : undefined;
    if (!issues) throw error;
    throw invalidFile(
      issues.map((issue) => ({
        ...issue,
        path: prefix ? (issue.path === '(root)' ? prefix : `${prefix}.${issue.path}`) : issue.path,
      })),
    );
  }
}
