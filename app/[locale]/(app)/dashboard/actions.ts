'use server';
// Dashboard server action: hides the finished first-run checklist for the workspace.
import { getDb } from '@/db';
import { getSessionScope } from '@/lib/auth/session-scope';
import { dismissFirstRun } from '@/lib/dashboard/dismiss-first-run';
import { toAppError } from '@/lib/errors';

export type DismissFirstRunResult = { ok: true } | { ok: false; error: string };

export async function dismissFirstRunAction(): Promise<DismissFirstRunResult> {
  const scope = await getSessionScope();
  if (!scope) return { ok: false, error: 'unauthorized' };
  try {
    await dismissFirstRun(await getDb(), scope);
  } catch (error) {
    return { ok: false, error: toAppError(error).code };
  }
  return { ok: true };
}
