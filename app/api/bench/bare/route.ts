// GET /api/bench/bare — a bare Next route handler (no wrapper), the baseline bench/http.mjs compares withApi against.
// Answers 404 unless the server was started with LEVQOR_BENCH=1.
export const dynamic = 'force-dynamic';

export function GET() {
  if (process.env.LEVQOR_BENCH !== '1')
    return Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 });
  return Response.json({ alive: true }, { headers: { 'cache-control': 'no-store' } });
}
