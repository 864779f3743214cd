import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { afterActionDocument, afterActionMarkdown, type AfterActionInput } from './report.ts';
import { findScenario } from './scenarios.ts';
import { scoreDrill } from './score.ts';

const input = (language: 'fr' | 'en'): AfterActionInput => ({
  scenario: findScenario('customer-data-breach')!,
  language,
  speed: 30,
  playedMinutes: 120,
  startedAt: '10/03/2026 15:00',
  finishedAt: '10/03/2026 17:00',
  timeline: [
    { minute: 45, side: 'response', kind: 'message', text: 'Some account data | was exposed.' },
    { minute: 0, side: 'inject', kind: 'alert', text: 'Researcher — extract posted' },
    { minute: 45, side: 'inject', kind: 'press_call', text: 'Tech news site — we publish in an hour' },
  ],
  score: scoreDrill({ targetFirstMessageMinutes: 60, firstPublicAfterMinutes: 45, publishedMessages: 1, promises: { kept: 0, broken: 1, pending: 0 }, findings: { errors: 0, warnings: 1 }, contradictions: 0, forms: { onTime: 0, late: 1 } }),
});

describe('after-action report', () => {
  it('puts injects and responses in drill-time order, the score per criterion and the lessons', () => {
    const md = afterActionMarkdown(input('en'));
    const rows = md.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    assert.deepEqual(rows.map((row) => row.split(' | ').slice(0, 2).join(' | ')), ['| 0 | Scenario', '| 45 | Scenario', '| 45 | Cell']);
    assert.match(md, /Some account data \\\| was exposed\./, 'a pipe in a text does not break the table');
    assert.match(md, /\| Cadence kept \| 0\/20 \| 0 of 1 promised updates kept \(0%\) \|/);
    assert.match(md, /\*\*Total\*\* \| \*\*63\/100\*\*/);
    assert.match(md, /- \*\*Regulatory forms\*\*: Fill in the forms/);
  });

  it('speaks French in French, and gives the PDF the same criteria', () => {
    const md = afterActionMarkdown(input('fr'));
    assert.match(md, /^# Rapport après exercice — Fuite de données clients/);
    assert.match(md, /Joué\*\*\u00a0: 10\/03\/2026 15:00 au 10\/03\/2026 17:00 \(120 minutes d’exercice, vitesse ×30\)/);
    const doc = afterActionDocument(input('fr'));
    assert.equal(doc.items.length, 6);
    assert.match(doc.items[0]!.label, /^Délai du premier message — 30\/30$/);
    assert.equal(doc.pageLabel(1, 2), 'Page 1 sur 2');
  });
});
