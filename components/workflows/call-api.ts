// The browser side of the JSON API: one fetch helper that returns the data or the API's error body, never throws.
export type ApiError = { code: string; message: string; details?: { issues?: ValidationIssue[] } & Record<string, unknown> };
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };
export type ValidationIssue = { path: string; code?: string; message: string; stepId?: string };

export async function callApi<T>(url: string, init: { method?: string; json?: unknown } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: init.json === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: '' } };
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  const error = (body as { error?: ApiError } | null)?.error;
  return { ok: false, status: response.status, error: error ?? { code: 'unknown', message: '' } };
}
