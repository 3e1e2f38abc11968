// Every migration, in order. Landed migrations are frozen: add a new file instead of editing one.
import type { Migration } from 'kysely';
import * as telemetry from './2026_11_23_0001_telemetry';
import * as accounts from './2026_11_23_0002_accounts';
import * as jobs from './2026_11_23_0003_jobs';
import * as workflows from './2026_11_23_0004_workflows';
import * as guardian from './2026_11_23_0005_guardian';
import * as billing from './2026_11_23_0006_billing';
import * as templates from './2026_11_23_0007_templates';
import * as sessionRevocation from './2026_12_02_0001_session_revocation';
import * as webhookRateLimits from './2026_12_02_0002_webhook_rate_limits';
import * as driverHeartbeats from './2026_12_02_0003_driver_heartbeats';
import * as webhookSecretRotation from './2026_12_02_0004_webhook_secret_rotation';
import * as workspaceApprovers from './2026_12_03_0001_workspace_approvers';
import * as userProfile from './2026_12_03_0002_user_profile';
import * as backupChecks from './2026_12_03_0003_backup_checks';
import * as runOutcomes from './2026_12_03_0004_run_outcomes';
import * as draftRuns from './2026_12_03_0005_draft_runs';
import * as idempotencyKeys from './2026_12_03_0006_idempotency_keys';
import * as eventWebhooks from './2026_12_03_0007_event_webhooks';
import * as aiCalls from './2026_12_04_0001_ai_calls';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_telemetry': telemetry,
  '2026_11_23_0002_accounts': accounts,
  '2026_11_23_0003_jobs': jobs,
  '2026_11_23_0004_workflows': workflows,
  '2026_11_23_0005_guardian': guardian,
  '2026_11_23_0006_billing': billing,
  '2026_11_23_0007_templates': templates,
  '2026_12_02_0001_session_revocation': sessionRevocation,
  '2026_12_02_0002_webhook_rate_limits': webhookRateLimits,
  '2026_12_02_0003_driver_heartbeats': driverHeartbeats,
  '2026_12_02_0004_webhook_secret_rotation': webhookSecretRotation,
  '2026_12_03_0001_workspace_approvers': workspaceApprovers,
  '2026_12_03_0002_user_profile': userProfile,
  '2026_12_03_0003_backup_checks': backupChecks,
  '2026_12_03_0004_run_outcomes': runOutcomes,
  '2026_12_03_0005_draft_runs': draftRuns,
  '2026_12_03_0006_idempotency_keys': idempotencyKeys,
  '2026_12_03_0007_event_webhooks': eventWebhooks,
  '2026_12_04_0001_ai_calls': aiCalls,
};
