// Short readable lines about runs, steps and errors, for the text content of tool results.

/** `http_error: 500 from the API` from an error object (`{ code, message }`), or its JSON. */
export function describeError(error: unknown): string {
  if (error === null || error === undefined) return 'no error recorded';
  if (typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof code === 'string' ? `${code}: ${message}` : message;
  }
  return JSON.stringify(error);
}

/** `1.2 s`, `340 ms`, or '' when unknown. */
export function describeDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

/** The line after a page of results: how to get the next one. */
export function nextPageLine(nextCursor: string | null): string {
  return nextCursor ? `More results: call again with cursor "${nextCursor}".` : 'No more results.';
}
