// Every step type, by its `type` name: the validator, the engine and the editor read this one registry.
import type { StepType } from '../definition';
import { approvalStep } from './approval';
import { backupStep } from './backup';
import { conditionStep } from './condition';
import { delayStep } from './delay';
import { emailStep } from './email';
import { googleSheetsStep } from './google-sheets';
import { httpRequestStep } from './http-request';
import { logStep } from './log';
import { notionStep } from './notion';
import { slackStep } from './slack';
import { telegramStep } from './telegram';
import { transformStep } from './transform';
import type { AnyStepDefinition } from './types';
import { webhookStep } from './webhook';

export const stepRegistry = {
  http_request: httpRequestStep,
  delay: delayStep,
  log: logStep,
  email: emailStep,
  condition: conditionStep,
  transform: transformStep,
  approval: approvalStep,
  backup: backupStep,
  slack: slackStep,
  telegram: telegramStep,
  notion: notionStep,
  google_sheets: googleSheetsStep,
  webhook: webhookStep,
} as const satisfies Record<StepType, AnyStepDefinition>;

export type StepRegistry = Readonly<Record<string, AnyStepDefinition>>;
