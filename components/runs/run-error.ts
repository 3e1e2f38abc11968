// Reads the error a run or step recorded ({ code, message, stepId?, attempts? }) without trusting its shape.
export type RunErrorInfo = { code: string | null; message: string; stepId: string | null; attempts: number | null };

export function readRunError(error: unknown): RunErrorInfo | null {
  if (error === null || error === undefined) return null;
  if (typeof error !== 'object') return { code: null, message: String(error), stepId: null, attempts: null };
  const record = error as Record<string, unknown>;
  return {
    code: typeof record.code === 'string' ? record.code : null,
    message: typeof record.message === 'string' ? record.message : JSON.stringify(error),
    stepId: typeof record.stepId === 'string' ? record.stepId : null,
    attempts: typeof record.attempts === 'number' ? record.attempts : null,
  };
}
