// Readiness issues of a valid definition: fields still holding a template's example value (errors: the workflow
// cannot be switched on) and secret-looking values typed into plain fields (warnings: use a connection instead).
import { eachConfigString, findPlaceholder, listPlaceholders } from '@/lib/templates/placeholders';
import type { WorkflowDefinition } from './definition';
import { detectSecret } from './detect-secret';
import type { ValidationIssue } from './validate-definition';

export function placeholderIssues(definition: Pick<WorkflowDefinition, 'steps'>): ValidationIssue[] {
  return listPlaceholders(definition).map((need) => ({
    path: need.path,
    stepId: need.stepId,
    code: 'placeholder_unfilled',
    severity: 'error',
    params: { field: need.field, step: need.stepId, value: need.value, kind: need.secret ? 'secret' : need.kind },
    message: `${need.field} of step ${need.stepId} still holds the template's example value ${need.value}; replace it with yours`,
  }));
}

export function secretIssues(definition: Pick<WorkflowDefinition, 'steps'>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  eachConfigString(definition.steps, (text, { path, stepId, field }) => {
    if (findPlaceholder(text)) return;
    const kind = detectSecret(text, { header: field.startsWith('headers.') });
    if (kind)
      issues.push({
        path,
        stepId,
        code: 'secret_in_plain_field',
        severity: 'warning',
        params: { field, step: stepId, kind },
        message: `${field} of step ${stepId} looks like a secret (${kind}); anyone who can read this workflow can see it. Keep secrets in a connection (Settings → Connections) and name the connection instead`,
      });
  });
  return issues;
}

export function readinessIssues(definition: Pick<WorkflowDefinition, 'steps'>): ValidationIssue[] {
  return [...placeholderIssues(definition), ...secretIssues(definition)];
}
