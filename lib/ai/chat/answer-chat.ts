import 'server-only';
// POST /api/ai/chat's answer: grounded help streamed as NDJSON. The grounding is the help items best matching the last
// question plus the caller's own workflows; the model answers from it, or the built-in help does, saying so and why.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { indexText, matchesTerm, queryTerms } from '@/lib/ai/knowledge/knowledge-terms';
import { searchKnowledge, type KnowledgeHit } from '@/lib/ai/knowledge/search-knowledge';
import type { Locale } from '@/lib/i18n/locales';
import { ModelUnavailableError, streamModelText } from '../call-model';
import type { AiClient } from '../openai-client';
import type { AiChatRequest, KnowledgeSource } from '../schemas';
import { streamAnswer } from '../stream-answer';
import { chatFallbackText, fallbackItems } from './chat-fallback';
import { chatPrompt } from './chat-prompt';
import { type ChatContext, loadChatContext } from './load-chat-context';

/** Help items a model answer is grounded in. */
const KNOWLEDGE_IN_PROMPT = 5;

type Options = { locale: Locale; client?: AiClient | null };

export async function answerChat(db: Db, scope: Scope, request: AiChatRequest, options: Options): Promise<Response> {
  const question = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
  const [knowledge, context] = await Promise.all([
    searchKnowledge(options.locale, question, { limit: KNOWLEDGE_IN_PROMPT }),
    loadChatContext(db, scope, request.context),
  ]);
  try {
    const prompt = chatPrompt(options.locale, knowledge, context, request.messages);
    const text = await streamModelText({ db, scope, feature: 'chat', client: options.client }, prompt);
    return streamAnswer({ source: 'model', sources: sourcesOf(knowledge, context, question) }, text);
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    const text = await chatFallbackText(options.locale, error.reason, knowledge, context);
    const sources = sourcesOf(fallbackItems(knowledge), context, question);
    return streamAnswer({ source: 'fallback', fallbackReason: error.reason, sources }, text);
  }
}

/** The help items used, then the workflow looked at and the caller's own workflows the question names. */
function sourcesOf(knowledge: KnowledgeHit[], context: ChatContext, question: string): KnowledgeSource[] {
  const terms = queryTerms(question);
  const named = context.workflows.filter((workflow) => {
    const name = indexText(workflow.name);
    return terms.length > 0 && terms.filter((term) => matchesTerm(term, name)).length * 2 >= terms.length;
  });
  const workflows = [context.workflow, ...named].filter((workflow) => workflow !== null);
  return [
    ...knowledge.map(({ kind, id, title, href }) => ({ kind, id, title, href })),
    ...[...new Map(workflows.map((workflow) => [workflow.id, workflow])).values()].slice(0, 3).map((workflow) => ({
      kind: 'workflow' as const,
      id: workflow.id,
      title: workflow.name,
      href: `/workflows/${workflow.id}`,
    })),
  ];
}
