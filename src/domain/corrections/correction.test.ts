import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stages } from '../linter/types.ts';
import { becomesIncidentUpdate, correctionDrafts, correctionRefusal, quoted, rumorStanding, textIn } from './correction.ts';

describe('corrections', () => {
  it('a rumor correction is the only stage that does not become an incident update', () => {
    assert.deepEqual(stages.filter((stage) => !becomesIncidentUpdate(stage)), ['rumor_correction']);
  });

  it('a rumor stands open, pending a correction, refuted or confirmed', () => {
    const at = new Date('2026-03-10T14:00:00Z');
    const table: Array<[Parameters<typeof rumorStanding>, string]> = [
      [['open', []], 'open'],
      [['open', [{ publishedAt: null }]], 'correction_pending'],
      [['refuted', [{ publishedAt: at }, { publishedAt: null }]], 'correction_pending'],
      [['refuted', [{ publishedAt: at }]], 'refuted'],
      [['confirmed', [{ publishedAt: null }]], 'confirmed'],
    ];
    for (const [args, expected] of table) assert.equal(rumorStanding(...args), expected, JSON.stringify(args));
  });

  it('refuses to correct a withdrawn or confirmed rumor, or one with a correction on its way', () => {
    assert.equal(correctionRefusal({ state: 'open', isWithdrawn: false }, null), null);
    assert.equal(correctionRefusal({ state: 'refuted', isWithdrawn: false }, null), null, 'a rumor that comes back gets another correction');
    assert.equal(correctionRefusal({ state: 'open', isWithdrawn: true }, null)?.reason, 'rumor-withdrawn');
    assert.equal(correctionRefusal({ state: 'confirmed', isWithdrawn: false }, null)?.reason, 'rumor-confirmed');
    const pending = correctionRefusal({ state: 'open', isWithdrawn: false }, 'msg123');
    assert.equal(pending?.reason, 'correction-pending');
    assert.match(pending!.detail, /msg123/);
  });

  it('picks the text in the language asked, else the fallback, else any', () => {
    assert.equal(textIn({ fr: 'Faux', en: 'False' }, 'en'), 'False');
    assert.equal(textIn({ fr: 'Faux' }, 'en', 'fr'), 'Faux');
    assert.equal(textIn({ en: 'False' }, 'fr', 'fr'), 'False');
    assert.equal(textIn({}, 'fr'), undefined);
  });

  it('quotes what was said the way each language does, once', () => {
    assert.equal(quoted('Les données ont été volées', 'fr'), '« Les données ont été volées »');
    assert.equal(quoted('« Les données ont été volées »', 'fr'), '« Les données ont été volées »');
    assert.equal(quoted('"Data was stolen"', 'en'), '“Data was stolen”');
  });

  it('drafts the page variant as the truth alone, the e-mail and post with what was said', () => {
    const en = correctionDrafts({ said: 'Data was stolen', truth: 'No data was accessed.', language: 'en', incidentName: 'Uploads fail' });
    assert.equal(en.page, 'No data was accessed.');
    assert.equal(en.email.subject, 'Correction: Uploads fail');
    assert.match(en.email.body, /“Data was stolen”[\s\S]*No data was accessed\./);
    const fr = correctionDrafts({ said: 'Les données ont été volées', truth: 'Aucune donnée n’a été consultée.', language: 'fr', incidentName: 'Envois en échec' });
    assert.match(fr.email.body, /^Une information erronée circule : « Les données ont été volées »/);
    assert.match(fr.social, /^Rectification : « Les données ont été volées » est faux\./);
  });
});
