import 'server-only';
// POST /api/ai/debug's logic: a failed run of the caller's workspace → what failed, why and what to do, in the
// user's language, and a fix as a change to the workflow's current definition (never applied here: the user accepts
// it and it is saved as a new version). The model explains when it may; otherwise the built-in rules answer.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { getRun, type RunDetailDto } from '@/lib/workflows/runs/get-run';
import { type AiCallContext, callModelStructured, ModelUnavailableError } from '../call-model';
import type { AiClient } from '../openai-client';
import type { AiDebugAnswer, AiFix } from '../schemas';
import { buildFix, type FixBase } from './build-fix';
import { explainFailureFallback, type FailureExplanation } from './explain-failure-fallback';
import { type FailureFacts, isRecord } from './failure-facts';
import {
  applyModelChanges,
  debugSystemPrompt,
  debugUserMessage,
  type ModelDebugAnswer,
  modelDebugAnswerSchema,
} from './model-debug-answer';
import { proposeFallbackFix } from './propose-fallback-fix';

export type ExplainOptions = { client?: AiClient | null; now?: () => Date };

/** A run with something to explain: it failed, or nobody decided its approval in time. */
function isExplainable(run: RunDetailDto): boolean {
  const code = isRecord(run.error) ? run.error.code : undefined;
  return run.status === 'failed' || (run.status === 'rejected' && code === 'approval_expired');
}

function failureFacts(run: RunDetailDto): FailureFacts {
  const error = isRecord(run.error) ? run.error : {};
  const stepId = typeof error.stepId === 'string' ? error.stepId : run.currentStepId;
  const attempts = run.stepRuns.filter((attempt) => attempt.stepId === stepId);
  const last = attempts.filter((attempt) => attempt.status === 'failed').at(-1) ?? attempts.at(-1);
  const stepError = isRecord(last?.error) ? last.error : {};
  const code = typeof error.code === 'string' ? error.code : String(stepError.code ?? 'unknown');
  const step = run.steps.find((candidate) => candidate.id === stepId);
  return {
    code,
    causeCode: code === 'attempts_exhausted' && typeof stepError.code === 'string' ? stepError.code : code,
    message: String(stepError.message ?? error.message ?? ''),
    details: isRecord(stepError.details) ? stepError.details : {},
    stepId: stepId ?? null,
    stepName: step?.name ?? null,
    stepType: step?.type ?? last?.type ?? null,
    input: last?.input ?? null,
    attempts: Number(error.attempts ?? attempts.length) || attempts.length,
  };
}

async function currentDefinition(db: Db, scope: Scope, workflowId: string): Promise<FixBase | null> {
  try {
    const workflow = await getWorkflow(db, scope, workflowId);
    return { definition: workflow.definition, version: workflow.currentVersion, workflowId };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** The model's fix when it is valid and changes something; otherwise the built-in one. */
function modelFix(base: FixBase | null, answer: ModelDebugAnswer, fallbackFix: AiFix | null): AiFix | null {
  if (!base || !answer.fix || answer.fix.changes.length === 0) return fallbackFix;
  const proposed = applyModelChanges(base.definition, answer.fix.changes);
  const fix = proposed ? buildFix(base, proposed, answer.fix.summary.trim().slice(0, 500)) : null;
  return fix && fix.summary ? fix : fallbackFix;
}

function modelExplanation(answer: ModelDebugAnswer, rule: FailureExplanation): FailureExplanation {
  const clean = (text: string) => text.trim().slice(0, 2_000);
  const todo = answer.todo.map(clean).filter(Boolean).slice(0, 8);
  return {
    what: clean(answer.what) || rule.what,
    why: clean(answer.why) || rule.why,
    todo: todo.length > 0 ? todo : rule.todo,
  };
}

export async function explainRunFailure(
  db: Db,
  scope: Scope,
  runId: string,
  locale: Locale,
  options: ExplainOptions = {},
): Promise<AiDebugAnswer> {
  const run = await getRun(db, scope, runId);
  if (!isExplainable(run))
    throw new AppError('conflict', `Only a failed run can be explained; this run is ${run.status}`, {
      status: run.status,
    });
  const facts = failureFacts(run);
  const base = await currentDefinition(db, scope, run.workflowId);
  const [rule, englishRule, fallbackFix] = await Promise.all([
    explainFailureFallback(facts, locale),
    locale === 'en' ? null : explainFailureFallback(facts, 'en'),
    base ? proposeFallbackFix(base, facts, locale) : null,
  ]);
  const answer = { runId: run.id, workflowId: run.workflowId, stepId: facts.stepId, errorCode: facts.code };
  const ctx: AiCallContext = { db, scope, feature: 'debug', client: options.client, now: options.now };
  try {
    const reply = await callModelStructured(ctx, {
      system: debugSystemPrompt(locale),
      messages: [{ role: 'user', content: debugUserMessage(facts, base?.definition ?? null, englishRule ?? rule) }],
      schema: modelDebugAnswerSchema,
      schemaName: 'debug_answer',
    });
    return {
      source: 'model',
      ...answer,
      explanation: modelExplanation(reply, rule),
      fix: modelFix(base, reply, fallbackFix),
    };
  } catch (error) {
    // NOTE: callModelStructured records every fallback it throws for, so none is recorded here.
    if (!(error instanceof ModelUnavailableError)) throw error;
    return { source: 'fallback', fallbackReason: error.reason, ...answer, explanation: rule, fix: fallbackFix };
  }
}
