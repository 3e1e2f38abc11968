import 'server-only';
// The engine's production dependencies: every step type, egress-guarded fetch, and connector credentials from the database.
import { getConnectorCredential } from '../credentials/get-credential';
import { guardedFetch } from '../egress/guarded-fetch';
import { stepRegistry } from '../steps';
import type { EngineDeps } from './advance-run';

export const defaultEngineDeps: EngineDeps = {
  steps: stepRegistry,
  fetch: (url, init) => guardedFetch(url, init),
  credential: getConnectorCredential,
};
