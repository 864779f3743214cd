import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { importSubscribers, importBatchRows, type ImportProgress } from '../../src/services/subscriptions/import-subscribers.ts';
import { exportSubscribers } from '../../src/services/subscriptions/export-subscribers.ts';
import { addSubscriber } from '../../src/services/subscriptions/add-subscriber.ts';
import { addSuppression } from '../../src/services/subscriptions/add-suppression.ts';
import { updateSubscriber } from '../../src/services/subscriptions/update-subscriber.ts';

/** A file as it arrives over a network: in small pieces that cut characters and lines anywhere. */
async function* chunked(bytes: Buffer, size = 7): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('importing and exporting a page\'s subscribers as CSV', () => {
  let h: Harness;
  const pages = { en: '', fr: '', copy: '', big: '' };
  const components = { api: '', dns: '' };
  before(async () => {
    h = await createHarness();
    for (const [key, slug, language] of [['en', 'status', 'en'], ['fr', 'statut', 'fr'], ['copy', 'copy', 'en'], ['big', 'big', 'en']] as const) {
      pages[key] = (await h.request('POST', '/api/admin/pages', { body: { slug, name: `Acme ${slug}`, language, time_zone: 'Europe/Paris' } })).body.id;
    }
    components.api = (await h.request('POST', '/api/admin/components', { body: { name: 'Public API' } })).body.id;
    components.dns = (await h.request('POST', '/api/admin/components', { body: { name: 'DNS' } })).body.id;
  });
  after(async () => h?.close());

  it('checks every row on its own: valid ones go in, each rejected one is reported with its line and reason', async () => {
    const ctx = h.ctxAs('comms_lead');
    await addSubscriber({ ctx, pageId: pages.fr, input: { channel: 'email', address: 'deja@example.fr' } });
    await addSuppression({ ctx, input: { channel: 'email', address: 'rebond@example.fr', reason: 'bounce' } });
    const lines = [
      'Email,Phone,Language,Components,Notes', // 1: names in any case; unknown columns are ignored
      'ana@example.fr,,fr,DNS,first', // 2
      ',06 12 34 56 78,,Public API | dns,', // 3: a French page reads national numbers as French
      'BOB@Example.FR,,en,,', // 4
      'pas-une-adresse,,,,', // 5
      ',0612,,,', // 6
      'ana@example.fr,,,,', // 7: duplicate of row 2
      'carl@example.fr,,,Mainframe,', // 8
      'deja@example.fr,,,,', // 9: already a subscriber
      '', // 10: blank lines are skipped
      'dora@example.fr,+33 6 98 76 54 32,,,', // 11
      'eve@example.fr,,de,,', // 12
      'rebond@example.fr,,,,', // 13
      'léa@exämple.fr,,,,', // 14: internationalized
      'renÃ©@example.fr,,,,', // 15: garbled by a double conversion
    ];
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]), // the byte-order mark spreadsheets write
      Buffer.from(`${lines.join('\r\n')}\r\n`),
      Buffer.from('ren'),
      Buffer.from([0xe9]), // "é" in Latin-1: not UTF-8
      Buffer.from('@example.fr,,,,\r\nfin@example.fr,,,,\r\n'),
    ]);
    const progress: ImportProgress[] = [];
    const report = await importSubscribers({ ctx, pageId: pages.fr, source: chunked(bytes), onProgress: (p) => progress.push(p) });
    assert.deepEqual(report, {
      rows: 15,
      imported: 5,
      existing: 1,
      rejected: 9,
      errors: [
        { row: 5, reason: '"pas-une-adresse" is not an e-mail address: it has no "@".' },
        { row: 6, reason: '"0612" is too short for France (+33).' },
        { row: 7, reason: 'ana@example.fr is already on row 2 of the file' },
        { row: 8, reason: 'names the component "Mainframe", which this workspace does not have' },
        { row: 11, reason: 'has more than one address: one per row' },
        { row: 12, reason: 'has the language "de": use fr or en' },
        { row: 15, reason: 'looks garbled ("Ã©"): the file was converted twice; save it again as "CSV UTF-8"' },
        { row: 16, reason: 'holds bytes that are not UTF-8 (save the file as "CSV UTF-8")' },
        { row: 13, reason: 'rebond@example.fr is suppressed (bounce): remove the suppression first' },
      ],
    });
    assert.deepEqual(progress, [{ rows: 15, imported: 5, existing: 1, rejected: 9 }]);
    const rows = await h.db.db.selectFrom('subscribers').selectAll().where('page_id', '=', pages.fr).where('source', '=', 'import').execute();
    assert.deepEqual(
      rows.map((r) => [r.channel, r.address, r.language, r.state, r.all_components]).sort(),
      [
        ['sms', '+33612345678', 'fr', 'active', false],
        ['email', 'ana@example.fr', 'fr', 'active', false],
        ['email', 'bob@example.fr', 'en', 'active', true],
        ['email', 'fin@example.fr', 'fr', 'active', true],
        ['email', 'léa@xn--exmple-cua.fr', 'fr', 'active', true],
      ].sort(),
    );
    const phone = rows.find((r) => r.channel === 'sms')!;
    const followed = await h.db.db.selectFrom('subscriber_components').select('component_id').where('subscriber_id', '=', phone.id).orderBy('component_id').execute();
    assert.deepEqual(followed.map((f) => f.component_id), [components.api, components.dns].sort());
  });

  it('refuses a whole file it cannot read, saying why: UTF-16, no address column, nothing at all', async () => {
    const ctx = h.ctxAs('comms_lead');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\nx@example.com\n', 'utf16le')]);
    await assert.rejects(importSubscribers({ ctx, pageId: pages.en, source: chunked(utf16) }), { code: 'invalid', reason: 'csv-encoding', message: /UTF-16/ });
    await assert.rejects(importSubscribers({ ctx, pageId: pages.en, source: chunked(Buffer.from('name,language\nAna,fr\n')) }), {
      reason: 'csv-header',
      message: 'The first row must name the columns: email, phone or webhook_url (and optionally language, components); it reads "name", "language".',
    });
    await assert.rejects(importSubscribers({ ctx, pageId: pages.en, source: chunked(Buffer.from('')) }), { reason: 'csv-header', message: /The file is empty/ });
  });

  it('a viewer or a support agent may not import', async () => {
    for (const role of ['viewer', 'support'] as const) {
      await assert.rejects(importSubscribers({ ctx: h.ctxAs(role), pageId: pages.en, source: chunked(Buffer.from('email\nx@example.com\n')) }), { code: 'forbidden' });
    }
    assert.equal((await h.db.db.selectFrom('subscribers').select('id').where('address', '=', 'x@example.com').execute()).length, 0);
  });

  it('streams 20,000 rows in batches of 1,000: a progress report after each batch, in order, each batch committed', async () => {
    async function* generated(): AsyncGenerator<string> {
      yield 'email,language\n';
      for (let i = 0; i < 20_000; i += 500) {
        yield Array.from({ length: 500 }, (_, k) => `reader${i + k}@example.com,${(i + k) % 2 ? 'fr' : 'en'}\n`).join('');
      }
    }
    const progress: ImportProgress[] = [];
    const report = await importSubscribers({
      ctx: h.ctxAs('owner'),
      pageId: pages.big,
      source: generated(),
      onProgress: (p) => progress.push(p),
    });
    assert.equal(progress.length, 20_000 / importBatchRows);
    assert.deepEqual(progress.map((p) => p.rows), Array.from({ length: 20 }, (_, i) => (i + 1) * 1_000));
    assert.deepEqual(progress.map((p) => p.imported), Array.from({ length: 20 }, (_, i) => (i + 1) * 1_000));
    assert.deepEqual({ ...report, errors: report.errors.length }, { rows: 20_000, imported: 20_000, existing: 0, rejected: 0, errors: 0 });
    const count = await h.db.db.selectFrom('subscribers').select((eb) => eb.fn.countAll<string>().as('n')).where('page_id', '=', pages.big).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 20_000);
    const audit = await h.db.db.selectFrom('audit_log').select('after').where('action', '=', 'subscriber.import').where('entity_id', '=', pages.big).execute();
    assert.equal(audit.length, 20, 'one audit row per committed batch');

    const again = await importSubscribers({ ctx: h.ctxAs('owner'), pageId: pages.big, source: generated() });
    assert.deepEqual({ ...again, errors: again.errors.length }, { rows: 20_000, imported: 0, existing: 20_000, rejected: 0, errors: 0 }, 'importing twice duplicates nobody');
  });

  it('export then import round-trips: the same addresses, languages and components on the other page; the unsubscribed stay out', async () => {
    const ctx = h.ctxAs('comms_lead');
    await addSubscriber({ ctx, pageId: pages.en, input: { channel: 'email', address: 'one@example.com', language: 'fr', component_ids: [components.dns] } });
    await addSubscriber({ ctx, pageId: pages.en, input: { channel: 'sms', address: '+14155550123' } });
    await addSubscriber({ ctx, pageId: pages.en, input: { channel: 'webhook', address: 'https://hooks.example.com/status?team=a,b', component_ids: [components.api, components.dns] } });
    const leaving = await addSubscriber({ ctx, pageId: pages.en, input: { channel: 'email', address: 'gone@example.com' } });
    await updateSubscriber({ ctx, id: leaving.id, input: { state: 'unsubscribed' } });

    const exported = await text(await exportSubscribers({ ctx, pageId: pages.en }));
    const table = parse(exported, { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(Object.keys(table[0]!), ['email', 'phone', 'webhook_url', 'language', 'components', 'state', 'source', 'created_at', 'confirmed_at']);
    assert.equal(table.length, 4);

    const report = await importSubscribers({ ctx, pageId: pages.copy, source: chunked(Buffer.from(exported), 64) });
    assert.deepEqual({ ...report, errors: report.errors.map((e) => e.reason) }, { rows: 4, imported: 3, existing: 0, rejected: 1, errors: ['is "unsubscribed", not active: only active subscribers are imported'] });
    const comparable = (csv: string) =>
      (parse(csv, { columns: true }) as Array<Record<string, string>>)
        .filter((row) => row.state === 'active')
        .map(({ email, phone, webhook_url, language, components: ids }) => ({ email, phone, webhook_url, language, components: ids }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const copied = await text(await exportSubscribers({ ctx, pageId: pages.copy }));
    assert.deepEqual(comparable(copied), comparable(exported));
    const webhook = comparable(copied).find((row) => row.webhook_url)!;
    assert.equal(webhook.webhook_url, 'https://hooks.example.com/status?team=a,b');
    assert.equal(webhook.components, `${components.api};${components.dns}`, 'components by position, as ids');
    await assert.rejects(exportSubscribers({ ctx: h.ctxAs('support'), pageId: pages.en }), { code: 'forbidden' });
  });
});
