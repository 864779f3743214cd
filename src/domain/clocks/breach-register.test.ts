import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../linter/index.ts';
import { breachDecision, breachGaps, controllerNotice, type BreachEntryFacts, type ControllerNoticeFacts, type Exemption } from './breach-register.ts';

const encrypted: Exemption = { code: 'encrypted', justification: 'The laptop disk is encrypted with AES-256; the key was not on it.' };
const measures: Exemption = { code: 'subsequent_measures', justification: 'Every exposed password was reset before anyone could use it.' };
const effort: Exemption = { code: 'disproportionate_effort', justification: 'No contact details for 2 million former customers.' };

describe('the decision a breach calls for (regulatory.md §2.2, Art. 34(3))', () => {
  const table: Array<[string, Parameters<typeof breachDecision>, { authority: boolean; subjects: boolean; waivedBy: string | null; publicNotice: boolean; assessed: boolean }]> = [
    ['unlikely to result in a risk: the register only', ['unlikely', []], { authority: false, subjects: false, waivedBy: null, publicNotice: false, assessed: true }],
    ['a risk: the authority only', ['risk', []], { authority: true, subjects: false, waivedBy: null, publicNotice: false, assessed: true }],
    ['high risk: the authority and the people', ['high', []], { authority: true, subjects: true, waivedBy: null, publicNotice: false, assessed: true }],
    ['not assessed: the authority, "if in doubt, notify"', [null, []], { authority: true, subjects: false, waivedBy: null, publicNotice: false, assessed: false }],
    ['high risk, encrypted data: the people need not be told', ['high', [encrypted]], { authority: true, subjects: false, waivedBy: 'encrypted', publicNotice: false, assessed: true }],
    ['high risk removed by later measures', ['high', [measures]], { authority: true, subjects: false, waivedBy: 'subsequent_measures', publicNotice: false, assessed: true }],
    ['disproportionate effort: a public communication instead', ['high', [effort]], { authority: true, subjects: false, waivedBy: 'disproportionate_effort', publicNotice: true, assessed: true }],
    ['an exemption waives nothing below high risk', ['risk', [encrypted]], { authority: true, subjects: false, waivedBy: null, publicNotice: false, assessed: true }],
  ];
  for (const [name, args, expected] of table) {
    it(name, () => {
      const decision = breachDecision(...args);
      assert.deepEqual(
        { authority: decision.shouldNotifyAuthority, subjects: decision.shouldInformDataSubjects, waivedBy: decision.dataSubjectsWaivedBy, publicNotice: decision.needsPublicCommunication, assessed: decision.isRiskAssessed },
        expected,
      );
    });
  }

  it('the order exemptions are recorded in does not change the decision: (a) prevails over (c)', () => {
    assert.deepEqual(breachDecision('high', [effort, encrypted]), breachDecision('high', [encrypted, effort]));
    assert.equal(breachDecision('high', [effort, encrypted]).needsPublicCommunication, false);
  });
});

describe('what the register still lacks (Art. 33(5)) or what was decided and not done', () => {
  const complete: BreachEntryFacts = {
    awareAt: new Date('2027-05-04T09:00:00Z'),
    risk: 'risk',
    exemptions: [],
    description: 'An export of the customer table was downloaded through a leaked API key.',
    dataCategories: ['names', 'e-mail addresses'],
    subjectsApprox: 40_000,
    recordsApprox: null,
    consequences: 'Phishing aimed at the customers concerned.',
    measures: 'Key revoked, access logs reviewed.',
    authorityNotifiedAt: new Date('2027-05-05T09:00:00Z'),
    dataSubjectsInformedAt: null,
    duties: { controller: true, processor: false },
  };
  const codes = (entry: Partial<BreachEntryFacts>, now = new Date('2027-05-10T00:00:00Z')) => breachGaps({ ...complete, ...entry }, now).map((gap) => gap.code);

  it('a complete, notified record has no gap', () => assert.deepEqual(codes({}), []));

  it('each missing part of the record is named, in both languages', () => {
    assert.deepEqual(codes({ awareAt: null, risk: null, description: ' ', dataCategories: [], subjectsApprox: null, consequences: null, measures: '' }), [
      'awareness_missing', 'risk_not_assessed', 'facts_missing', 'categories_missing', 'counts_missing', 'consequences_missing', 'measures_missing',
    ]);
    for (const gap of breachGaps({ ...complete, risk: null }, new Date('2027-05-10T00:00:00Z'))) assert.ok(gap.en.length > 10 && gap.fr.length > 10);
  });

  it('a notification decided and not filed is a gap, overdue once the 72 h have passed', () => {
    const pending = breachGaps({ ...complete, authorityNotifiedAt: null }, new Date('2027-05-05T00:00:00Z'));
    assert.deepEqual(pending.map((g) => g.code), ['authority_not_notified']);
    assert.match(pending[0]!.en, /due by 2027-05-07T09:00:00\.000Z/);
    const overdue = breachGaps({ ...complete, authorityNotifiedAt: null }, new Date('2027-05-08T00:00:00Z'));
    assert.match(overdue[0]!.en, /overdue since 2027-05-07T09:00:00\.000Z/);
    assert.deepEqual(codes({ risk: 'unlikely', authorityNotifiedAt: null }), [], 'unlikely: nothing to notify');
  });

  it('high risk without an exemption and nobody told is a gap; with a justified exemption it is not', () => {
    assert.deepEqual(codes({ risk: 'high' }), ['data_subjects_not_informed']);
    assert.deepEqual(codes({ risk: 'high', exemptions: [encrypted] }), []);
    assert.deepEqual(codes({ risk: 'high', dataSubjectsInformedAt: new Date('2027-05-06T00:00:00Z') }), []);
  });

  it('a processor only: the controllers are owed a notice, the authority is not the processor\'s to notify', () => {
    const processor = { duties: { controller: false, processor: true }, authorityNotifiedAt: null };
    assert.deepEqual(codes({ ...processor, controllersNotifiedAt: null }), ['controllers_not_notified']);
    assert.deepEqual(codes({ ...processor, controllersNotifiedAt: new Date('2027-05-04T10:00:00Z') }), []);
  });
});

describe('a processor\'s notice to its controllers (Art. 33(2))', () => {
  const facts: ControllerNoticeFacts = {
    company: 'Acme Cloud',
    incidentName: 'Fire in the SBG2 data centre',
    timeZone: 'Europe/Paris',
    awareAt: new Date('2021-03-10T02:30:00Z'),
    components: ['Object storage', 'Backups'],
    known: [
      { text: 'A fire destroyed the SBG2 building during the night', language: 'en' },
      { text: 'Un incendie a détruit le bâtiment SBG2 dans la nuit', language: 'fr' },
      { text: 'Backups stored in SBG2 are lost', language: null },
    ],
    dataCategories: ['files stored by your users'],
    subjectsApprox: 120_000,
    recordsApprox: 3_500_000,
    measures: 'We restored the service in another data centre from the copies kept there',
    referent: { name: 'Rita Martin', email: 'rita@acme.test' },
  };
  const now = new Date('2021-03-10T10:00:00Z');

  it('says what is known, when it became known, the numbers, the measures and whom to contact, in each language', () => {
    const en = controllerNotice(facts, 'en', now);
    assert.match(en.body, /A fire destroyed the SBG2 building during the night\. Backups stored in SBG2 are lost\./);
    assert.doesNotMatch(en.body, /Un incendie/);
    assert.match(en.body, /When we became aware of it: 10 March at 3:30 am\./);
    assert.match(en.body, /People concerned: about 120,000; records: about 3,500,000\./);
    assert.match(en.body, /Object storage and Backups/);
    assert.match(en.body, /Rita Martin: rita@acme\.test/);
    const fr = controllerNotice(facts, 'fr', now);
    assert.match(fr.body, /Un incendie a détruit le bâtiment SBG2 dans la nuit\./);
    assert.match(fr.body, /Personnes concernées : environ 120 000 ; enregistrements : environ 3 500 000\./);
    assert.match(fr.body, /10 mars à 3 h 30/);
    assert.match(fr.subject, /sous-traitant|pour votre compte/);
  });

  it('makes no risk assessment: it asks the controller to make it', () => {
    for (const language of ['fr', 'en'] as const) {
      const { body } = controllerNotice(facts, language, now);
      assert.doesNotMatch(body, /high risk|risque élevé|unlikely|peu probable/i);
      assert.match(body, language === 'fr' ? /Il vous revient, en tant que responsable du traitement, d'évaluer le risque/ : /is for you, as controller, to assess/);
    }
  });

  it('passes the linter\'s breach rules as drafted: contact, consequences, measures, advice, figures', () => {
    const sheet = { incidentOpen: true, personalDataBreach: true, figures: { affectedPeople: 120_000, records: 3_500_000 }, affectedComponents: ['Object storage', 'Backups'], unconfirmed: [], keyMessages: [] };
    for (const language of ['fr', 'en'] as const) {
      const { subject, body } = controllerNotice(facts, language, now);
      const findings = lint({ text: body, subject, language, stage: 'breach_notice', audience: 'controllers', technicalAudience: true, channel: 'email', facts: sheet });
      assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`), [], language);
    }
  });

  it('leaves what is not known marked for the writer to fill', () => {
    const bare = controllerNotice({ ...facts, known: [], awareAt: null, components: [], dataCategories: [], subjectsApprox: null, recordsApprox: null, measures: null, referent: null }, 'en', now);
    assert.equal(bare.body.match(/\[to fill: [^\]]+\]/g)?.length, 7);
    const fr = controllerNotice({ ...facts, measures: null }, 'fr', now);
    assert.match(fr.body, /Mesures prises à ce stade : \[à compléter : mesures prises\]/);
  });
});
