import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ruleIds, type Finding, type LintFacts, type LintInput } from '../../src/domain/linter/index.ts';
import { channels, stages } from '../../src/domain/linter/types.ts';

/** mulberry32: a seeded PRNG, so a failing fuzz case replays identically. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const facts: LintFacts = {
  incidentOpen: true,
  personalDataBreach: true,
  figures: { affectedPeople: 120000, records: 300000, regions: ['Île-de-France'] },
  startedAt: '2026-03-10T14:10:00Z',
  status: 'identified',
  affectedComponents: ['Paiement par carte', 'Card payments', 'a.b*(c'],
  unconfirmed: ['attaque DDoS', 'a DDoS attack'],
  keyMessages: [
    { text: 'La panne est d\'origine logicielle.', language: 'fr' },
    { text: 'The outage is caused by software.', language: 'en' },
  ],
  timeZone: 'Europe/Paris',
};

// Pieces that stress the engine: every script, combining marks, surrogates (paired and lone),
// quotes, apostrophes, digits and times, NUL and control characters, words the rules look for.
const PIECES = [
  'panne majeure', 'petit bug', 'n’est pas', '« ', ' »', '“', '”', '"', '’', "'", '15 h 10', '3:10 pm', '120 000', '12,000', ' clients', ' customers',
  'depuis ', 'since ', 'e\u0301', '\u0301', '\u200d', '\u202f', '\u00a0', '\n', '\n\n', '\t', '\u0000', '\u0007', '\ud83c\udf89', '\ud800', '\udfff', 'İ', 'ß', 'ﬁ',
  'مرحبا', 'שלום', '你好', 'Ωμέγα', 'https://x.example/a?b=(c)', 'dpo@example.com', 'INC-42', '`code`', 'snake_case', 'camelCase', '. ', '! ', '? ', 'M. ', 'Mr. ',
  'DNS', 'rollback', 'jeu-concours', 'giveaway', 'sera rétabli à 17 h', 'will be restored by 5 pm', '[[', ']]', '{hit}', '$1', '\\', '(?:', '*',
];

function randomText(next: () => number): string {
  const parts: string[] = [];
  const length = Math.floor(next() * 60);
  for (let i = 0; i < length; i++) {
    if (next() < 0.5) parts.push(PIECES[Math.floor(next() * PIECES.length)]!);
    else parts.push(String.fromCodePoint(Math.floor(next() * (next() < 0.7 ? 0x3000 : 0x10ffff - 0xe000)) + (next() < 0.7 ? 0 : 0xe000)));
  }
  return parts.join(next() < 0.5 ? ' ' : '');
}

function assertWellFormed(findings: Finding[], input: LintInput) {
  for (const f of findings) {
    const length = f.field === 'subject' ? input.subject!.length : input.text.length;
    assert.ok(ruleIds.includes(f.rule), f.rule);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start <= f.end && f.end <= length, `${f.rule} [${f.start}, ${f.end}) in ${length}`);
    assert.ok(f.message.length > 0 && f.doctrine.startsWith('§'));
  }
}

describe('the linter never crashes on text', () => {
  it('an empty text gives findings at offset 0 only, in every stage and channel', () => {
    for (const stage of stages) {
      for (const channel of channels) {
        const input: LintInput = { text: '', language: 'fr', stage, audience: 'customers', channel, facts, subject: '' };
        const findings = lint(input);
        assertWellFormed(findings, input);
        assert.ok(findings.every((f) => f.start === 0 && f.end === 0));
      }
    }
  });

  it('fuzz: 400 random Unicode texts (seeded), every stage, channel and language, give well-formed findings', () => {
    const next = prng(20260706);
    for (let i = 0; i < 400; i++) {
      const input: LintInput = {
        text: randomText(next),
        subject: next() < 0.3 ? randomText(next) : undefined,
        language: next() < 0.5 ? 'fr' : 'en',
        stage: stages[Math.floor(next() * stages.length)]!,
        audience: next() < 0.5 ? 'customers' : 'technical_customers',
        channel: channels[Math.floor(next() * channels.length)]!,
        network: next() < 0.5 ? 'bluesky' : undefined,
        facts: next() < 0.8 ? facts : undefined,
        glossary: [{ term: 'API*(', plain: 'interface $1', language: 'fr' }],
        siblings: next() < 0.5 ? [{ text: randomText(next), language: 'en', audience: 'press', channel: 'press' }] : undefined,
        nextUpdateLabel: '16 h 30',
      };
      assertWellFormed(lint(input), input);
    }
  });

  it('binary data decoded as text (NUL bytes, replacement characters) is linted like any text', () => {
    const next = prng(7);
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(next() * 256)));
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')]) {
      const input: LintInput = { text, language: 'en', stage: 'first', audience: 'customers', channel: 'sms', facts };
      assertWellFormed(lint(input), input);
    }
  });

  it('a mixed-language message is linted in the language it is declared in', () => {
    const text = 'Depuis 15 h 10, le paiement est indisponible. We are experiencing a major outage. Prochain point à 16 h 30.';
    const fr = lint({ text, language: 'fr', stage: 'first', audience: 'customers', channel: 'status_page' });
    const en = lint({ text, language: 'en', stage: 'first', audience: 'customers', channel: 'status_page' });
    assert.ok(!fr.some((f) => f.rule === 'alarmist-label'));
    assert.ok(en.some((f) => f.rule === 'alarmist-label' && text.slice(f.start, f.end) === 'major outage'));
    assert.ok(!fr.some((f) => f.rule === 'missing-next-update'));
  });

  // How long it takes is bench/lint's business (no timed assertions here): this checks it completes.
  it('a 1 MB message is linted to the end, with findings in range', () => {
    const paragraph =
      'Depuis 15 h 40, une panne majeure touche 12 000 clients. Nous vous tiendrons informés dans les meilleurs délais ; le service sera rétabli à 17 h. ' +
      'Contrairement à nos concurrents, nous communiquons. Un rollback est en cours sur le cluster. « Panne géante », disent certains. ';
    const text = paragraph.repeat(Math.ceil(1_048_576 / paragraph.length)).slice(0, 1_048_576);
    const input: LintInput = { text, language: 'fr', stage: 'first', audience: 'customers', channel: 'status_page', facts, siblings: [{ text: 'Since 3:10 pm.', language: 'en', audience: 'press', channel: 'press' }] };
    const findings = lint(input);
    assertWellFormed(findings, input);
    assert.ok(findings.some((f) => f.rule === 'alarmist-label'));
    // Findings reach the end of the text: nothing was cut off.
    assert.ok(findings.some((f) => f.start > text.length - paragraph.length * 2), 'no finding near the end of the text');
  });
});
