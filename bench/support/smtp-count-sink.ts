// The SMTP side of bench/fanout, in a process of its own (spawned with `node --import tsx`): accepts
// every message, drains it without parsing, and counts messages, bytes and distinct Message-IDs (read
// from the header block only). Talks to the parent over IPC:
//   → { type: 'ready', port }                        once listening on 127.0.0.1
//   ← { type: 'reset' }   → { type: 'reset' }        forget every count (before a run)
//   ← { type: 'stats' }   → { type: 'stats', … }     SinkStats
// Times are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + now()), so
// the parent can set them against the moment it spawned a worker.
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';

export interface SinkStats {
  type: 'stats';
  count: number;
  distinct: number;
  bytes: number;
  /** Messages that came without a Message-ID header. */
  withoutId: number;
  first: number | null;
  last: number | null;
}

/** Header blocks longer than this are not searched further (Tocsin's are ~700 bytes). */
const headerLimit = 64 * 1024;
const clock = () => performance.timeOrigin + performance.now();

let count = 0;
let bytes = 0;
let withoutId = 0;
let first: number | null = null;
let last: number | null = null;
let ids = new Set<string>();

function messageIdOf(head: string): string | undefined {
  // Unfold continuation lines, then take the first Message-ID header.
  const match = /^message-id:[ \t]*(.*)$/im.exec(head.replace(/\r?\n[ \t]+/g, ' '));
  return match?.[1]?.trim() || undefined;
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    let headDone = false;
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (headDone) return;
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end >= 0) {
        head = head.slice(0, end);
        headDone = true;
      } else if (head.length > headerLimit) headDone = true;
    });
    stream.on('end', () => {
      const id = messageIdOf(head);
      if (id === undefined) withoutId++;
      else ids.add(id);
      count++;
      bytes += size;
      last = clock();
      first ??= last;
      callback();
    });
    stream.on('error', callback);
  },
});
// A client that goes away mid-session (a worker stopped) is not the sink's failure.
server.on('error', () => {});
server.listen(0, '127.0.0.1');
await once(server.server, 'listening');

process.on('message', (message: { type: string }) => {
  if (message.type === 'reset') {
    count = bytes = withoutId = 0;
    first = last = null;
    ids = new Set();
    process.send!({ type: 'reset' });
  } else if (message.type === 'stats') {
    const stats: SinkStats = { type: 'stats', count, distinct: ids.size, bytes, withoutId, first, last };
    process.send!(stats);
  }
});
// The parent gone, nothing is left to report to.
process.on('disconnect', () => server.close(() => process.exit(0)));
process.send!({ type: 'ready', port: (server.server.address() as AddressInfo).port });
