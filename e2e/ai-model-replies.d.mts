// Types of the model journey's stand-in replies (ai-model-replies.mjs).
import type { StandInReply, StandInRequest } from './openai-stand-in.d.mts';

export const workflowProposal: {
  name: string;
  description: string | null;
  trigger: { type: 'schedule'; cron: string; timezone: string };
  steps: { id: string; name: string; type: 'http_request' | 'slack'; configJson: string }[];
  explanation: string;
};

export function openAiStandInFallback(request: StandInRequest): StandInReply;
