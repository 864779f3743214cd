import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../linter/index.ts';
import { unfilledFindings } from '../message/fill.ts';
import type { Channel } from '../message/stages.ts';
import { buildClosingDraft, type ClosingFacts } from './draft.ts';

// 10 March 2026, Paris (UTC+1): detected 15:20, public 16:00, cause found 16:45, watched 17:30, resolved 18:20.
const t = (hhmm: string, day = 10) => new Date(`2026-03-${day}T${hhmm}:00Z`);

function facts(overrides: Partial<ClosingFacts> = {}): ClosingFacts {
  return {
    company: 'Acme Cloud',
    timeZone: 'Europe/Paris',
    components: ['Card payments', 'Checkout'],
    startedAt: t('14:20'),
    resolvedAt: t('17:20'),
    events: [
      { at: t('17:20').toISOString(), kind: 'resolved' },
      { at: t('14:20').toISOString(), kind: 'detected' },
      { at: t('14:25').toISOString(), kind: 'opened' },
      { at: t('15:00').toISOString(), kind: 'first_public' },
      { at: t('15:00').toISOString(), kind: 'update', status: 'investigating' },
      { at: t('15:30').toISOString(), kind: 'update', status: 'investigating' },
      { at: t('15:45').toISOString(), kind: 'update', status: 'identified' },
      { at: t('16:30').toISOString(), kind: 'update', status: 'monitoring' },
      { at: t('17:20').toISOString(), kind: 'update', status: 'resolved' },
    ],
    known: [
      { text: 'Card payments fail for every customer', language: 'en' },
      { text: 'Les paiements par carte échouent pour tous les clients', language: 'fr' },
      { text: 'An update to our payment software contained an error, which caused the failures', language: 'en' },
      { text: 'La panne est due à une mise à jour de notre logiciel de paiement qui contenait une erreur', language: 'fr' },
      { text: 'We have added an automatic test before each update', language: 'en' },
      { text: 'Nous avons ajouté un test automatique avant chaque mise à jour', language: 'fr' },
    ],
    followUps: [{ id: 'prm1', text: 'We will publish the full incident review', language: null, dueAt: t('09:00', 17) }],
    feedbackContact: 'support@acme.test',
    statusPageUrl: 'https://status.acme.test',
    now: t('09:00', 11),
    ...overrides,
  };
}

const slot = (language: 'fr' | 'en', channel: Channel = 'email', isLay = true) => ({ audience: isLay ? 'customers' : 'technical_customers', language, channel, isLay });

describe('the closing message assistant', () => {
  it('tells a lay reader the steps in plain words, in the workspace zone, and leaves out the updates that moved nothing', () => {
    const en = buildClosingDraft(facts(), slot('en'));
    assert.deepEqual(en.sections.chronology.map((line) => line.text), [
      '3:20 pm: we detected the problem.',
      '4 pm: we informed you on our status page.',
      '4:45 pm: we found the cause.',
      '5:30 pm: a correction was in place and we kept watch on the service.',
      '6:20 pm: the service was working normally again.',
    ]);
    const fr = buildClosingDraft(facts(), slot('fr'));
    assert.equal(fr.sections.chronology[0]!.text, '15 h 20 : nous avons détecté le problème.');
    assert.equal(fr.sections.chronology.at(-1)!.text, '18 h 20 : le service fonctionnait de nouveau normalement.');
  });

  it('gives a technical audience every public update', () => {
    const lines = buildClosingDraft(facts(), slot('en', 'email', false)).sections.chronology.map((line) => line.text);
    assert.ok(lines.includes('4:30 pm: we were still looking for the cause.'), lines.join('\n'));
    assert.equal(lines.length, 6);
  });

  it('dates the times that fall on a later day', () => {
    const draft = buildClosingDraft(facts({ resolvedAt: t('08:00', 11), events: [{ at: t('14:20').toISOString(), kind: 'detected' }, { at: t('08:00', 11).toISOString(), kind: 'resolved' }] }), slot('en'));
    assert.deepEqual(draft.sections.chronology.map((line) => line.text), ['3:20 pm: we detected the problem.', '9 am on 11 March: the service was working normally again.']);
    assert.match(draft.body, /^From 3:20 pm on 10 March to 9 am on 11 March, an incident affected Card payments and Checkout\./);
  });

  it('takes the cause and the corrective actions from the known facts of its language', () => {
    const en = buildClosingDraft(facts(), slot('en'));
    assert.equal(en.sections.cause, 'An update to our payment software contained an error, which caused the failures.');
    assert.deepEqual(en.sections.corrective_actions, ['We have added an automatic test before each update.']);
    const fr = buildClosingDraft(facts(), slot('fr'));
    assert.equal(fr.sections.cause, 'La panne est due à une mise à jour de notre logiciel de paiement qui contenait une erreur.');
    assert.deepEqual(fr.sections.corrective_actions, ['Nous avons ajouté un test automatique avant chaque mise à jour.']);
    assert.deepEqual(en.missing, []);
  });

  it('lists the follow-up promises as next steps with their date, and the feedback channel', () => {
    const draft = buildClosingDraft(facts(), slot('fr'));
    assert.deepEqual(draft.sections.next_steps, [{ promise_id: 'prm1', text: 'We will publish the full incident review.', due_at: t('09:00', 17).toISOString() }]);
    assert.match(draft.body, /Prochaines étapes :\n- We will publish the full incident review \(d'ici le 17 mars\)\./);
    assert.match(draft.body, /Vos questions et remarques sont les bienvenues : support@acme\.test/);
    assert.equal(draft.subject, 'Incident du 10 mars : ce qui s\'est passé');
  });

  it('marks what the sheet does not say, so the linter blocks the publish until someone writes it', () => {
    const draft = buildClosingDraft(facts({ known: [{ text: 'Card payments fail for every customer', language: 'en' }], feedbackContact: '  ' }), slot('en'));
    assert.deepEqual(draft.missing, ['cause', 'corrective_actions', 'feedback']);
    const unfilled = unfilledFindings(draft.body, draft.subject, 'en').map((f) => draft.body.slice(f.start, f.end));
    assert.deepEqual(unfilled, ['[to fill: cause]', '[to fill: actions to prevent a repeat]', '[to fill: contact]']);
  });

  for (const language of ['fr', 'en'] as const) {
    for (const channel of ['status_page', 'email', 'support_script', 'sms', 'social'] as const) {
      it(`drafts a ${language} ${channel} closing the closing-* rules and the placeholders check find nothing in`, () => {
        const draft = buildClosingDraft(facts(), slot(language, channel));
        const findings = lint({ text: draft.body, ...(draft.subject ? { subject: draft.subject } : {}), language, stage: 'closing', audience: 'customers', channel });
        const closing = findings.filter((f) => f.rule.startsWith('closing-') && (channel !== 'sms' && channel !== 'social'));
        assert.deepEqual(closing.map((f) => f.rule), [], draft.body);
        assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`), [], draft.body);
        assert.deepEqual(unfilledFindings(draft.body, draft.subject, language), []);
        assert.doesNotMatch(draft.body, /impardonnable|unforgivable|ashamed|honte/i);
      });
    }
  }
});
