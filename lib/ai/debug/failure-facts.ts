// What the debug assistant knows about a failed run's step: the error (code, message, details), the step and its
// input, how many attempts were made, and the code of the step's own last error behind `attempts_exhausted`.

export type FailureFacts = {
  /** The run's error code (`attempts_exhausted`, `upstream_error`, …). */
  code: string;
  /** The failed step's own last error code: the cause behind `attempts_exhausted`, else `code`. */
  causeCode: string;
  message: string;
  details: Record<string, unknown>;
  stepId: string | null;
  stepName: string | null;
  stepType: string | null;
  /** The step's resolved config as the last attempt received it. */
  input: unknown;
  attempts: number;
};

/** The host the step called: from the error, else from the URL in its input. */
export function failureHost(facts: FailureFacts): string | null {
  if (typeof facts.details.host === 'string' && facts.details.host) return facts.details.host;
  const url = isRecord(facts.input) ? facts.input.url : undefined;
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
