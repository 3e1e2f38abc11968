// The browser side of the JSON API: one fetch helper that reads the `{ error }` body once and returns either the data
// or that error, never throws. Every client component calls the API through it.
export type ValidationIssue = {
  path: string;
  code?: string;
  message: string;
  stepId?: string;
  severity?: 'error' | 'warning';
};
export type ApiError = {
  code: string;
  message: string;
  details?: { issues?: ValidationIssue[] } & Record<string, unknown>;
};
export type ApiResult<T> =
  { ok: true; status: number; data: T; headers: Headers } | { ok: false; status: number; error: ApiError };

type CallInit = { method?: string; json?: unknown; headers?: Record<string, string>; signal?: AbortSignal };

export async function callApi<T>(url: string, init: CallInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      cache: 'no-store',
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    return { ok: false, status: 0, error: { code: 'network', message: '' } };
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: body as T, headers: response.headers };
  const error = (body as { error?: ApiError } | null)?.error;
  return { ok: false, status: response.status, error: error ?? { code: 'unknown', message: '' } };
}

/** The message to show for a failed call: the API's own (already in the user's language), else the fallback. */
export function errorText(error: ApiError, fallback: string): string {
  return error.message || fallback;
}
