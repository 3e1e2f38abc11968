// The contract every step type implements: a config schema, an action class and `execute`.
import type { z } from 'zod';
import type { Db } from '@/db/client';

export type ActionClass = 'A' | 'B' | 'C';

export type StepServices = {
  db: Db;
  /** fetch behind the egress guard: refuses private, loopback, link-local and metadata addresses unless allow-listed. */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Decrypted connector credential of the run's workspace, by name; throws a non-retryable StepError when missing. */
  credential: (name: string, connector: string) => Promise<Record<string, string>>;
  now: () => Date;
};

export type StepContext = {
  workspaceId: string;
  workflowId: string;
  runId: string;
  stepId: string;
  attempt: number;
  /** `${runId}:${stepId}`: sent as Idempotency-Key on every outbound call, so a retried step is applied once. */
  idempotencyKey: string;
  /** What templates can read: `trigger.payload`, `steps.<id>.output`. */
  data: TemplateData;
  services: StepServices;
  signal: AbortSignal;
};

export type TemplateData = {
  trigger: { type: string; payload: unknown };
  steps: Record<string, { output: unknown }>;
  run: { id: string; workflowId: string };
};

/** What a step's execution produced. */
export type StepOutcome =
  | { kind: 'output'; output: unknown }
  /** `condition`: the output and the id of the step to go to (null ends the run). */
  | { kind: 'branch'; output: unknown; next: string | null }
  /** `delay`: resume at `until`; the step completes then with `output`. */
  | { kind: 'sleep'; until: Date; output: unknown };

export type StepDefinition<Config = unknown> = {
  type: string;
  /** Config as written in the definition, before templates are resolved (templates are strings). */
  configSchema: z.ZodType<Config>;
  defaultActionClass: ActionClass;
  /** Whether `{{…}}` templates in the config are resolved before `execute` (false for `condition`, `transform`). */
  resolveTemplates: boolean;
  /**
   * No effect outside the run (transform, condition, log): the engine records the result in one write and,
   * after a crash mid-step, simply computes it again.
   */
  pure?: boolean;
  /** Step ids this config refers to (condition branches), for the validator. */
  references?: (config: Config) => (string | null)[];
  /** Hosts this config calls, for the validator's egress guardrail (literal URLs only). */
  urls?: (config: Config) => string[];
  execute: (config: Config, ctx: StepContext) => Promise<StepOutcome>;
};

/** A failed step: `retryable: false` stops the run at once (bad config, 4xx, refused address). */
export class StepError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

export function defineStep<Config>(definition: StepDefinition<Config>): StepDefinition<Config> {
  return definition;
}

/** Any step type, whatever its config (the registry's value type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- configs differ per step; each validates its own.
export type AnyStepDefinition = StepDefinition<any>;
