// A validation_failed error in the reader's language: every issue's message and, where we know it, the summary line.
import type { AppError, FieldIssue } from '@/lib/errors';
import type { Locale } from './locales';
import { loadMessages } from './messages';
import { issueTranslator } from './translate-issues';

const summaries: Record<string, string> = {
  'The request is not valid': 'validationSummary.requestInvalid',
  'The workflow is not valid': 'validationSummary.workflowInvalid',
  'The schedule is not valid': 'validationSummary.scheduleInvalid',
};

function issuesOf(details: unknown): FieldIssue[] | null {
  const issues = (details as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) && issues.every((issue) => typeof issue?.code === 'string') ? issues : null;
}

export async function localizeValidationError(
  error: AppError,
  locale: Locale,
): Promise<{ message: string; details: unknown }> {
  const issues = error.code === 'validation_failed' ? issuesOf(error.details) : null;
  if (!issues) return { message: error.message, details: error.details };
  const translator = issueTranslator(await loadMessages(locale), locale);
  const summary = summaries[error.message];
  return {
    message: summary ? translator.text(summary, error.message) : error.message,
    details: {
      ...(error.details as object),
      issues: issues.map((issue) => ({ ...issue, message: translator.issue(issue) })),
    },
  };
}
