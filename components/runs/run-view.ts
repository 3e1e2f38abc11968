// The run as the browser sees it: the API's JSON, where dates are ISO strings.
import type { RunDetailDto } from '@/lib/workflows/runs/get-run';

export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;
export type RunView = Serialized<RunDetailDto>;

export const isActive = (status: string) => status === 'queued' || status === 'running';
