import 'server-only';
// What operators see of a flag: its value, default and who changed it last.
import type { FlagKey } from './flags';

export type FlagDto = {
  key: FlagKey;
  description: string;
  enabled: boolean;
  defaultEnabled: boolean;
  /** Null while the flag still follows its default. */
  updatedAt: Date | null;
  updatedBy: string | null;
};
