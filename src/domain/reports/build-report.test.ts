import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportDocument, type ReportInput } from './build-report.ts';
import { documentMarkdown, escapeMarkdown } from './document.ts';
import { sceneSvg } from './svg.ts';

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);
const secret = 'SECRETMARKER';

function input(version: ReportInput['version'], language: ReportInput['language'] = 'en'): ReportInput {
  return {
    version, language, timeZone: 'Europe/Paris', generatedAt: at('18:00'), workspaceName: 'Acme',
    incident: { id: 'i1', name: 'Payments *down*', impact: 'major', status: 'resolved', components: ['Payments'], detectedAt: at('10:00'), openedAt: at('10:05'), resolvedAt: at('12:00') },
    firstMessageMinutes: 60,
    updates: [{ id: 'u1', at: at('10:30'), status: 'investigating', text: 'We are on it | next at 11:30' }, { id: 'u2', at: at('12:00'), status: 'resolved', text: 'Fixed.' }],
    events: [{ at: at('10:10').toISOString(), kind: 'fact_known', lane: 'known', label: { fr: `Fait : ${secret}`, en: `Fact: ${secret}` }, ref: { type: 'fact_entry', id: 'f1' } }],
    gaps: [{ from: at('10:00').toISOString(), to: at('10:30').toISOString(), minutes: 30, late: false, ongoing: false }, { from: at('10:30').toISOString(), to: at('12:00').toISOString(), minutes: 90, late: true, ongoing: false }],
    promises: [{ id: 'p1', kind: 'next_update', text: '', madeAt: at('10:30'), dueAt: at('11:30'), state: 'broken', keptAt: null }],
    findings: [{ message_id: 'm1', stage: 'update', audience: 'customers', language: 'en', channel: 'email', rule: 'contradiction', severity: 'error', text: `Says ${secret}` }],
    overrides: [{ message_id: 'm1', stage: 'update', by: 'Lea', at: at('10:29'), reason: `Because ${secret}`, rules: ['contradiction'] }],
    deliveries: {
      channels: [{ channel: 'email', recipients: 3, sent: 3, failed: 1, dead: 0, cancelled: 0, under_way: 0, first_sent_at: at('10:31').toISOString(), last_sent_at: at('10:35').toISOString() }],
      curves: [{ channel: 'email', points: [{ at: at('10:31'), sent: 1 }, { at: at('10:35'), sent: 3 }] }],
    },
    regulatory: { deadlines: [{ id: 'gdpr.authority', dueAt: at('13:00'), status: 'met', submittedAt: at('11:00') }], isPublicSafe: false },
    compensation: { gestures: [] },
    lessons: { lessons: [{ text: 'Shared lesson', public: true }, { text: `Lesson ${secret}`, public: false }], actions: [{ text: `Action ${secret}`, owner: 'Lea', due_on: '2026-04-01', done: false, public: false }] },
  };
}

describe('the post-crisis report document', () => {
  it('the public version shows no fact-sheet entry, finding, override, legal detail or internal lesson', () => {
    const doc = buildReportDocument(input('public'));
    const markdown = documentMarkdown(doc);
    assert.ok(!markdown.includes(secret), markdown);
    assert.ok(!/GDPR|authority/i.test(markdown));
    assert.match(markdown, /Shared lesson/);
    assert.match(markdown, /We are on it \\\| next at 11:30/, 'a pipe in an update cannot break the table');
    const internal = documentMarkdown(buildReportDocument(input('internal')));
    assert.equal(internal.split(secret).length - 1, 5, 'the fact, the finding, the override, the lesson and the action');
    assert.match(internal, /Personal data breach notification/);
  });

  it('the public version says notifications were made once the breach itself was told in public, never to whom', () => {
    const safe = input('public', 'fr');
    safe.regulatory!.isPublicSafe = true;
    const markdown = documentMarkdown(buildReportDocument(safe));
    assert.match(markdown, /Les notifications exigées par la réglementation ont été faites \(1\)\./);
    assert.ok(!markdown.includes('CNIL') && !markdown.includes('violation'));
  });

  it('writes the figures in French with the workspace\'s clock', () => {
    const markdown = documentMarkdown(buildReportDocument(input('internal', 'fr')));
    assert.match(markdown, /Premier message public 30 min après la détection, dans le délai de 60 min\./);
    assert.match(markdown, /\| 10 mars, 11 h 30 \| 10 mars, 12 h 30 \| 10 mars, 13 h \| 30 min \| non tenue \|/);
    assert.match(markdown, /^# Rapport post-crise \(interne\) : Payments \\\*down\\\*/);
  });

  it('draws the timeline with the late silence in red and names the plot for screen readers', () => {
    const figure = buildReportDocument(input('public')).blocks.find((b) => b.type === 'figure');
    assert.ok(figure && figure.type === 'figure');
    assert.ok(figure.scene.shapes.some((s) => s.kind === 'rect' && s.fill === 'late'));
    assert.equal(figure.scene.shapes.filter((s) => s.kind === 'circle').length, 2);
    const svg = sceneSvg({ ...figure.scene, title: 'A <b> & "c"' }, 'f1');
    assert.match(svg, /role="img" aria-labelledby="f1-title f1-desc"/);
    assert.match(svg, /<title id="f1-title">A &#60;b&#62; &#38; &#34;c&#34;<\/title>/);
  });

  it('escapes what Markdown would read as formatting', () => {
    assert.equal(escapeMarkdown('a *b* [c](d) <e> #f\nline'), 'a \\*b\\* \\[c\\](d) \\<e\\> \\#f line');
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
  });
});
