import 'server-only';
// What the validator says of a definition, as the API reports it: valid (can be saved), ready (nothing blocks
// switching it on) and every issue with its severity, its message in the reader's language.
import { translateIssues } from '@/lib/i18n/translate-issues';
import type { Locale } from '@/lib/i18n/locales';
import { validateDefinition, type ValidationIssue } from './validate-definition';

export type ValidationReport = {
  valid: boolean;
  ready: boolean;
  issues: (ValidationIssue & { severity: 'error' | 'warning' })[];
};

export async function validationReport(
  input: unknown,
  { workflowId, locale }: { workflowId?: string; locale: Locale },
): Promise<ValidationReport> {
  const result = validateDefinition(input, { workflowId });
  const issues = (await translateIssues(result.issues, locale)).map((issue) => ({
    ...issue,
    severity: issue.severity ?? ('error' as const),
  }));
  return { valid: result.ok, ready: result.ok && issues.every((issue) => issue.severity === 'warning'), issues };
}
