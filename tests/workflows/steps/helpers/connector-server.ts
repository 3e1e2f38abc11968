// A local HTTP server that records requests with their bodies and answers with whatever the test sets.
import type { IncomingHttpHeaders } from 'node:http';
import { startLocalServer } from '../../../helpers/http-server';

export type Recorded = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type Reply = { status: number; headers?: Record<string, string>; body: string | object };

export async function startConnectorServer() {
  const received: Recorded[] = [];
  let reply: (request: Recorded) => Reply = () => ({ status: 200, body: 'ok' });
  const server = await startLocalServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      received.push(request);
      const answer = reply(request);
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const type = typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
      res.writeHead(answer.status, { 'content-type': type, ...answer.headers }).end(text);
    });
  });
  return {
    url: server.url,
    received,
    last: () => received.at(-1) as Recorded,
    answer: (next: Reply | ((request: Recorded) => Reply)) => {
      reply = typeof next === 'function' ? next : () => next;
    },
    close: server.close,
  };
}
