// Awaits a step that must fail and returns its StepError.
import { expect } from 'vitest';
import { StepError } from '@/lib/workflows/steps/types';

export async function stepFailure(
  promise: Promise<unknown>,
  expected: { code: string; retryable: boolean },
): Promise<StepError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, 'the step should have failed').toBeInstanceOf(StepError);
  expect(error).toMatchObject(expected);
  return error as StepError;
}
