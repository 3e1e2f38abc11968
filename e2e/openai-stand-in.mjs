// A local OpenAI stand-in speaking the real wire format of Chat Completions (JSON and SSE streams) and Responses, for
// tests driving the real SDK through OPENAI_BASE_URL. Each request takes the next scripted reply, else `fallback`.
import { createServer } from 'node:http';

/**
 * @typedef {{ kind: 'json', value: unknown } | { kind: 'text', text: string } | { kind: 'raw-content', content: string }
 *   | { kind: 'status', status: number, retryAfter?: number, body?: unknown } | { kind: 'hang' }
 *   | { kind: 'malformed-body' } | { kind: 'refusal', text: string } | { kind: 'stream-break', text: string }} Reply
 * @typedef {{ path: string, headers: import('node:http').IncomingHttpHeaders, body: any }} Received
 */

/** @param {{ fallback?: (request: Received) => Reply, usage?: { prompt: number, completion: number } }} [options] */
export async function startOpenAiStandIn(options = {}) {
  /** @type {Reply[]} */
  const queue = [];
  /** @type {Received[]} */
  const requests = [];
  const usage = options.usage ?? { prompt: 120, completion: 80 };
  const fallback = options.fallback ?? (() => ({ kind: 'text', text: 'Hello from the stand-in.' }));
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    let body = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    } catch {
      body = null;
    }
    const received = { path: req.url ?? '/', headers: req.headers, body };
    requests.push(received);
    const path = (req.url ?? '').replace(/^\/v1/, '');
    if (req.method === 'GET' && path.startsWith('/models'))
      return json(res, 200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'openai' }] });
    if (req.headers.authorization !== `Bearer ${process.env.OPENAI_STAND_IN_KEY ?? 'sk-test-levqor'}`)
      return json(res, 401, {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      });
    const reply = queue.shift() ?? fallback(received);
    if (path.startsWith('/chat/completions')) return chat(res, body, reply, usage);
    if (path.startsWith('/responses')) return responses(res, body, reply, usage);
    return json(res, 404, { error: { message: `Unknown path ${path}`, type: 'invalid_request_error' } });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey: process.env.OPENAI_STAND_IN_KEY ?? 'sk-test-levqor',
    requests,
    /** @param {...Reply} replies */
    reply: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve(undefined));
      }),
  };
}

function json(res, status, value, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

function failure(res, reply) {
  if (reply.kind === 'hang') return true; // never answers: the SDK's timeout fires
  if (reply.kind === 'malformed-body') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id": "chatcmpl-broken", "choices": [');
    return true;
  }
  if (reply.kind === 'status') {
    const headers = reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {};
    json(
      res,
      reply.status,
      reply.body ?? { error: { message: `Stand-in status ${reply.status}`, type: 'server_error' } },
      headers,
    );
    return true;
  }
  return false;
}

function contentOf(reply) {
  if (reply.kind === 'json') return JSON.stringify(reply.value);
  if (reply.kind === 'raw-content') return reply.content;
  return reply.text ?? '';
}

function chat(res, body, reply, usage) {
  if (failure(res, reply)) return;
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 12)}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body?.model ?? 'gpt-4o-mini';
  const usageBody = {
    prompt_tokens: usage.prompt,
    completion_tokens: usage.completion,
    total_tokens: usage.prompt + usage.completion,
  };
  if (body?.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (value) => res.write(`data: ${JSON.stringify(value)}\n\n`);
    const base = { id, object: 'chat.completion.chunk', created, model };
    send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    const words = contentOf(reply).match(/\S+\s*/g) ?? [];
    for (const word of words) send({ ...base, choices: [{ index: 0, delta: { content: word }, finish_reason: null }] });
    // NOTE: the cut comes after the words reach the client, so the SDK sees a stream that stops midway.
    if (reply.kind === 'stream-break') return void setTimeout(() => res.destroy(), 50);
    send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    if (body.stream_options?.include_usage) send({ ...base, choices: [], usage: usageBody });
    res.end('data: [DONE]\n\n');
    return;
  }
  const message =
    reply.kind === 'refusal'
      ? { role: 'assistant', content: null, refusal: reply.text }
      : { role: 'assistant', content: contentOf(reply), refusal: null };
  json(res, 200, {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: 'stop' }],
    usage: usageBody,
  });
}

function responses(res, body, reply, usage) {
  if (failure(res, reply)) return;
  const id = `resp_${Math.random().toString(36).slice(2, 12)}`;
  const text = contentOf(reply);
  const output = [
    {
      type: 'message',
      id: `msg_${id}`,
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text, annotations: [] }],
    },
  ];
  const usageBody = {
    input_tokens: usage.prompt,
    output_tokens: usage.completion,
    total_tokens: usage.prompt + usage.completion,
  };
  const response = {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: 'completed',
    model: body?.model,
    output,
    usage: usageBody,
  };
  if (!body?.stream) return json(res, 200, response);
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let sequence = 0;
  const send = (type, value) =>
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...value })}\n\n`);
  send('response.created', { response: { ...response, status: 'in_progress', output: [] } });
  for (const word of text.match(/\S+\s*/g) ?? [])
    send('response.output_text.delta', { item_id: `msg_${id}`, output_index: 0, content_index: 0, delta: word });
  send('response.completed', { response });
  res.end();
}
