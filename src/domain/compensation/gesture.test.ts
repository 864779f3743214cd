import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gestureStates, offerSentence, promiseOutcome, termsIssues, transition, type GestureTerms } from './gesture.ts';

const none = { fr: '', en: '' };
const credit: GestureTerms = { kind: 'credit', amountMinor: 2000, currency: 'EUR', periodCount: null, periodUnit: null, description: { fr: 'déduit de votre prochaine facture', en: 'taken off your next invoice' } };
const months: GestureTerms = { kind: 'free_period', amountMinor: null, currency: null, periodCount: 6, periodUnit: 'month', description: none };
const day: GestureTerms = { kind: 'free_period', amountMinor: null, currency: null, periodCount: 1, periodUnit: 'day', description: none };
const paris = 'Europe/Paris';
const now = new Date('2026-03-10T14:00:00Z');

describe('what a gesture offers, as customers read it', () => {
  it('says the amount, the free period and the due date in each language, with plain spaces', () => {
    const due = new Date('2026-03-31T10:00:00Z');
    assert.equal(offerSentence(credit, 'fr', due, paris, now), 'un avoir de 20 €, déduit de votre prochaine facture, appliqué d’ici le 31 mars.');
    assert.equal(offerSentence(credit, 'en', due, paris, now), 'a credit of €20, taken off your next invoice, applied by 31 March.');
    assert.equal(offerSentence(months, 'fr', null, paris, now), '6 mois offerts.');
    assert.equal(offerSentence(months, 'en', null, paris, now), 'six months free.');
    assert.equal(offerSentence(day, 'fr', null, paris, now), '1 jour offert.');
    assert.equal(offerSentence({ ...credit, amountMinor: 1250, description: none }, 'fr', null, paris, now), 'un avoir de 12,50 €.');
    assert.ok(!/[\u00a0\u202f]/.test(offerSentence({ ...credit, amountMinor: 125000 }, 'fr', null, paris, now)));
  });

  it('asks each kind for what it needs, with a pointer at the field', () => {
    assert.deepEqual(termsIssues(credit), []);
    assert.deepEqual(termsIssues({ ...credit, amountMinor: null, currency: null }).map((i) => i.pointer), ['/amount']);
    assert.deepEqual(termsIssues({ ...credit, currency: null }).map((i) => i.pointer), ['/currency']);
    assert.deepEqual(termsIssues({ ...months, periodUnit: null }).map((i) => i.pointer), ['/period_unit']);
    assert.deepEqual(termsIssues({ ...months, amountMinor: 100, currency: 'EUR' }).map((i) => i.pointer), ['/amount']);
    assert.deepEqual(termsIssues({ kind: 'refund', amountMinor: null, currency: null, periodCount: null, periodUnit: null, description: none }).map((i) => i.pointer), ['/description']);
    assert.deepEqual(termsIssues({ kind: 'refund', amountMinor: null, currency: null, periodCount: null, periodUnit: null, description: { fr: 'le mois de mars', en: '' } }), []);
  });
});

describe('a gesture\'s life', () => {
  it('is edited only as a draft, announced once, delivered or cancelled once', () => {
    const table: Array<[(typeof gestureStates)[number], Parameters<typeof transition>[1], string | false]> = [
      ['draft', 'edit', 'draft'],
      ['draft', 'announce', 'announcing'],
      ['draft', 'deliver', false],
      ['announcing', 'edit', false],
      ['announcing', 'announce', false],
      ['announcing', 'publish', 'announced'],
      ['announced', 'start_delivery', 'delivering'],
      ['announced', 'deliver', 'delivered'],
      ['announced', 'edit', false],
      ['delivering', 'deliver', 'delivered'],
      ['delivered', 'cancel', false],
      ['delivered', 'deliver', false],
      ['cancelled', 'announce', false],
    ];
    for (const [from, action, to] of table) {
      const result = transition(from, action);
      assert.equal(result.ok ? result.to : false, to, `${from} --${action}-->`);
      if (!result.ok) assert.ok(result.reason.length > 10);
    }
  });

  it('keeps its promise when delivered by the due time, breaks it when late', () => {
    const due = new Date('2026-03-31T10:00:00Z');
    assert.equal(promiseOutcome(due, new Date('2026-03-31T10:00:00Z')), 'kept');
    assert.equal(promiseOutcome(due, new Date('2026-03-31T10:00:01Z')), 'broken');
    assert.equal(promiseOutcome(null, new Date('2030-01-01T00:00:00Z')), 'kept');
  });
});
