import 'server-only';
// POST /api/ai/workflow's logic: a plain-language request → a workflow definition that always passes the validator.
// The model proposes (structured output), the validator checks, one repair round sends its issues back; without a
// model, or when its answer stays invalid, the deterministic builder answers and the answer says so. Nothing is saved
// or enabled here: the user reviews the proposal and saves it.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { isValidTimeZone, type WorkflowDefinition } from '@/lib/workflows/definition';
import { validateDefinition } from '@/lib/workflows/validate-definition';
import { type AiCallContext, callModelStructured, type ModelMessage, ModelUnavailableError } from '../call-model';
import type { AiClient } from '../openai-client';
import type { AiWorkflowAnswer, FallbackReason } from '../schemas';
import { buildFallbackWorkflow } from './build-fallback-workflow';
import { describeProposal } from './describe-proposal';
import { modelProposalSchema, proposalToDefinition, workflowSystemPrompt } from './model-proposal';
import { stepTextsFor } from './step-texts';

export type ProposeDeps = { db: Db; scope: Scope; client?: AiClient | null; now?: () => Date };
export type ProposeRequest = { prompt: string; locale: string; timeZone?: string };

/** Repair rounds after the first answer: the validator's issues go back to the model once. */
const REPAIR_ROUNDS = 1;

export async function proposeWorkflow(deps: ProposeDeps, request: ProposeRequest): Promise<AiWorkflowAnswer> {
  const timeZone = request.timeZone ?? (await userTimeZone(deps.db, deps.scope.userId));
  const fallback = buildFallbackWorkflow(request.prompt, {
    timezone: timeZone,
    texts: await stepTextsFor(request.locale),
  });
  const ctx: AiCallContext = {
    db: deps.db,
    scope: deps.scope,
    feature: 'workflow',
    client: deps.client,
    now: deps.now,
  };
  try {
    const proposal = await askModel(ctx, request, timeZone, fallback.definition);
    const described = await describeProposal(proposal.definition, request.locale);
    return {
      source: 'model',
      definition: proposal.definition,
      explanation: proposal.explanation || described.explanation,
      steps: described.steps,
      needs: described.needs,
      templateSlug: null,
    };
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    return fallbackAnswer(fallback.definition, fallback.templateSlug, error.reason, request.locale);
  }
}

async function askModel(
  ctx: AiCallContext,
  request: ProposeRequest,
  timeZone: string,
  startingPoint: WorkflowDefinition,
): Promise<{ definition: WorkflowDefinition; explanation: string }> {
  const system = workflowSystemPrompt(request.locale, timeZone);
  const messages: ModelMessage[] = [
    {
      role: 'user',
      content: [
        `<request>${request.prompt.replace(/<\/?request>/gi, '')}</request>`,
        'A starting point from our template catalogue (adapt it, or ignore it if it does not fit):',
        JSON.stringify(startingPoint),
      ].join('\n'),
    },
  ];
  for (let round = 0; ; round++) {
    const proposal = await callModelStructured(ctx, {
      system,
      messages,
      schema: modelProposalSchema,
      schemaName: 'workflow_proposal',
    });
    const result = validateDefinition(proposalToDefinition(proposal));
    if (result.ok) return { definition: result.definition, explanation: proposal.explanation.trim().slice(0, 2_000) };
    if (round >= REPAIR_ROUNDS) throw new ModelUnavailableError('invalid_output');
    messages.push(
      { role: 'assistant', content: JSON.stringify(proposal) },
      {
        role: 'user',
        content: [
          'The validator refused this workflow. Fix these issues and return the whole corrected workflow:',
          ...result.issues.slice(0, 20).map((issue) => `- ${issue.path}: ${issue.message}`),
        ].join('\n'),
      },
    );
  }
}

async function fallbackAnswer(
  definition: WorkflowDefinition,
  templateSlug: string | null,
  reason: FallbackReason,
  locale: string,
): Promise<AiWorkflowAnswer> {
  const described = await describeProposal(definition, locale);
  return { source: 'fallback', fallbackReason: reason, definition, templateSlug, ...described };
}

async function userTimeZone(db: Db, userId: string | null): Promise<string> {
  if (!userId) return 'UTC';
  const row = await db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirst();
  return row?.time_zone && isValidTimeZone(row.time_zone) ? row.time_zone : 'UTC';
}
