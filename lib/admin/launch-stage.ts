import 'server-only';
// The launch stage (LEVQOR_LAUNCH_STAGE): before launch every autopilot action is a dry run that waits for approval.
import { type Env, getEnv } from '@/lib/env';

export type LaunchStage = {
  stage: Env['LEVQOR_LAUNCH_STAGE'];
  /** `dry_run`: autopilot features show what they would do and change nothing. */
  autopilot: 'dry_run' | 'live';
  approvalsRequired: boolean;
};

export function getLaunchStage(env: Pick<Env, 'LEVQOR_LAUNCH_STAGE'> = getEnv()): LaunchStage {
  const preLaunch = env.LEVQOR_LAUNCH_STAGE === 'pre-launch';
  return { stage: env.LEVQOR_LAUNCH_STAGE, autopilot: preLaunch ? 'dry_run' : 'live', approvalsRequired: preLaunch };
}
