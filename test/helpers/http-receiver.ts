import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** Lower-case names; a header sent twice has its values joined with ", ". */
  headers: Record<string, string>;
  /** The body exactly as it arrived, decoded as UTF-8. */
  body: string;
}

/** How to answer one request; `'hang'` never answers (the connection stays open until the client gives up). */
export type Reply = { status?: number; headers?: Record<string, string>; body?: string } | 'hang';

export type Responder = (request: ReceivedRequest) => Reply | Promise<Reply>;

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request, in arrival order, recorded before it is answered. */
  requests: ReceivedRequest[];
  /** Answers the next requests with these, in order; after them, the responder answers again. */
  script(...replies: Reply[]): void;
  /** Resolves with the requests once `count` have arrived (at once if they already have). */
  waitFor(count: number): Promise<ReceivedRequest[]>;
  /** Cuts every connection, hanging ones included, and stops listening. */
  close(): Promise<void>;
}

/** A real HTTP server on a random local port. By default every request gets `200 ok`. */
export async function startHttpReceiver(respond: Responder = () => ({ status: 200, body: 'ok' })): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const scripted: Reply[] = [];
  const waiting: Array<{ count: number; resolve: (requests: ReceivedRequest[]) => void }> = [];

  function arrived(request: ReceivedRequest): void {
    requests.push(request);
    for (const waiter of waiting.filter((candidate) => candidate.count <= requests.length)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve([...requests]);
    }
  }

  async function answer(request: ReceivedRequest): Promise<Reply> {
    try {
      return await respond(request);
    } catch (error) {
      // A responder's failed check reaches the test as a 500 with the reason, not as a crash of the server.
      return { status: 500, body: error instanceof Error ? error.message : String(error) };
    }
  }

  const server = createServer(async (incoming, outgoing) => {
    const request = { method: incoming.method ?? '', path: incoming.url ?? '', headers: headersOf(incoming), body: await bodyOf(incoming) };
    arrived(request);
    const reply = scripted.length > 0 ? scripted.shift()! : await answer(request);
    if (reply === 'hang') return;
    outgoing.writeHead(reply.status ?? 200, reply.headers);
    outgoing.end(reply.body ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...replies) {
      scripted.push(...replies);
    },
    waitFor(count) {
      if (requests.length >= count) return Promise.resolve([...requests]);
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
    async close() {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}

function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let n = 0; n < incoming.rawHeaders.length; n += 2) {
    const name = incoming.rawHeaders[n]!.toLowerCase();
    const value = incoming.rawHeaders[n + 1]!;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

async function bodyOf(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
