import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { openDatabase, type DatabaseHandle } from '../../src/adapters/db/connect.ts';
import { migrate } from '../../src/adapters/db/migrate.ts';
import { startQueue } from '../../src/adapters/queue/queue.ts';
import { openTestDatabase, testEngine } from '../helpers/db.ts';
import { publishToSubscribers } from '../helpers/fan-out.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { startTocsin, type TocsinProcess } from '../helpers/process.ts';

const recipients = Number(process.env.CRASH_RECIPIENTS ?? 10_000);
const batchSize = 100;
const batchesInFlight = 2;

/**
 * The promise of the channels: none lost, none doubled. A `tocsin worker` process is killed with
 * SIGKILL in the middle of a 10,000-recipient fan-out, then started again; the SMTP server counts
 * what each recipient received.
 */
describe('a worker killed in the middle of a fan-out', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tocsin-crash-'));
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The database the worker processes open: a PGlite folder (one process at a time) or a PostgreSQL database. */
  async function openShared(): Promise<{ db: DatabaseHandle; env: Record<string, string> }> {
    if (testEngine === 'postgres') {
      const db = await openTestDatabase();
      return { db, env: { DATABASE_URL: (db as { url?: string }).url! } };
    }
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(folder, 'pglite') });
    await migrate(db);
    return { db, env: { DATABASE_URL: '', TOCSIN_DATA_DIR: folder } };
  }

  // On PGlite the worker is embedded in the one process that owns the folder; a second process
  // opening a folder left by a killed one hung once on a loaded machine. The N-worker engine is
  // PostgreSQL, where this runs.
  it('loses no one and sends twice at most what was in flight', { timeout: 300_000, skip: testEngine === 'pglite' && 'PGlite runs one process: the kill-and-restart proof runs on PostgreSQL' }, async () => {
    const { db, env } = await openShared();
    const queue = await startQueue(db, { runsJobs: false });
    const fanOut = await publishToSubscribers(db, queue, { subscribers: recipients });
    assert.deepEqual(fanOut.deliveries, { email: recipients });
    await queue.stop();
    // PGlite's folder is the worker's alone from here; the PostgreSQL test database lives until the end.
    if (testEngine === 'pglite') await db.close();
    else cleanups.push(() => db.close());

    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const workerEnv = {
      ...env,
      TOCSIN_SMTP_URL: smtp.url,
      TOCSIN_MAIL_FROM: 'Status <status@fanout.example>',
      TOCSIN_DELIVERY_BATCH: String(batchSize),
      // Long enough that a loaded machine's live batches keep their lease; the dead worker's run out once.
      TOCSIN_DELIVERY_LEASE_SECONDS: '10',
      TOCSIN_PUBLIC_URL: 'https://tocsin.fanout.example',
    };
    const start = (): TocsinProcess => {
      const worker = startTocsin(['worker'], workerEnv);
      cleanups.push(() => worker.stop());
      return worker;
    };
    /** Waits for the sink, but fails at once, with the worker's output, if the worker exits first. */
    const until = (worker: TocsinProcess, done: () => boolean) =>
      Promise.race([
        smtp.until(done, 240_000),
        once(worker.child, 'exit').then(([code]) => {
          throw new Error(`tocsin worker exited with ${code} before the fan-out was done:\n${worker.output.join('\n')}`);
        }),
      ]);

    const first = start();
    await until(first, () => smtp.received.length >= recipients / 3);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const atKill = smtp.received.length;
    assert.ok(atKill < recipients, 'killed in the middle, not after the end');

    const second = start();
    await until(second, () => smtp.countByMessageId().size >= recipients);
    assert.equal(await second.stop(), 0);

    const counts = smtp.countByMessageId();
    const perRecipient = new Map<string, number>();
    for (const mail of smtp.received) perRecipient.set(mail.to[0]!, (perRecipient.get(mail.to[0]!) ?? 0) + 1);
    const missing = Array.from({ length: recipients }, (_, i) => `reader-${i + 1}@example.test`).filter((address) => !perRecipient.has(address));
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    assert.deepEqual(missing, [], 'every recipient got the message');
    assert.ok(duplicates <= batchSize * batchesInFlight, `${duplicates} duplicates: at most the ${batchSize * batchesInFlight} deliveries in flight when the worker died`);
    assert.ok([...perRecipient.values()].every((n) => n <= 2), 'nobody got it more than twice');

    const after = testEngine === 'postgres' ? db : await openDatabase({ kind: 'pglite', dataDir: path.join(folder, 'pglite') });
    if (testEngine === 'pglite') cleanups.push(() => after.close());
    const states = await after.db.selectFrom('deliveries').select('state').select((eb) => eb.fn.countAll<number>().as('count')).where('message_id', '=', fanOut.messageId).groupBy('state').execute();
    assert.deepEqual(states.map((row) => [row.state, Number(row.count)]), [['sent', recipients]], 'each delivery recorded as sent, once');
  });
});
