// Request ids: kept from a trusted upstream header when well-formed, otherwise generated.
const VALID_REQUEST_ID = /^[A-Za-z0-9_.:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get('x-request-id') ?? headers.get('x-vercel-id');
  return incoming && VALID_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
