import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeRules, lint, LintConfigError, ruleIds, type LintInput } from '../../src/domain/linter/index.ts';
import { isTocsinError } from '../../src/domain/errors.ts';

const base: LintInput = { text: 'Nous subissons une panne majeure.', language: 'fr', stage: 'update', audience: 'customers', channel: 'status_page' };

describe('lint configuration', () => {
  it('an unknown rule id throws a typed configuration error naming it', () => {
    assert.throws(
      () => lint({ ...base, rules: { 'panne-majeure': 'off' } }),
      (error: unknown) => error instanceof LintConfigError && isTocsinError(error) && error.code === 'invalid' && error.issues.some((i) => i.pointer === '/rules/panne-majeure'),
    );
  });

  it('an unknown severity, stage, channel, language or time zone is a configuration error, all reported at once', () => {
    assert.throws(
      () => lint({ ...base, stage: 'draft', channel: 'fax', language: 'de', rules: { vague: 'fatal' }, facts: { incidentOpen: true, personalDataBreach: false, figures: {}, affectedComponents: [], unconfirmed: [], keyMessages: [], timeZone: 'Mars/Olympus' } } as unknown as LintInput),
      (error: unknown) => error instanceof LintConfigError && error.issues.length === 5,
    );
  });

  it('a text that is not a string is a configuration error, not a crash', () => {
    assert.throws(() => lint({ ...base, text: undefined } as unknown as LintInput), LintConfigError);
  });

  it('"off" silences a rule and a severity replaces the default', () => {
    const plain = lint(base).filter((f) => f.rule === 'alarmist-label');
    assert.equal(plain[0]?.severity, 'warning');
    assert.deepEqual(lint({ ...base, rules: { 'alarmist-label': 'off' } }).filter((f) => f.rule === 'alarmist-label'), []);
    assert.equal(lint({ ...base, rules: { 'alarmist-label': 'error' } }).find((f) => f.rule === 'alarmist-label')?.severity, 'error');
  });

  it('a finding reports the original UTF-16 range, a suggestion and its doctrine section', () => {
    const text = 'L’équipe 🎉 gère une panne\u00a0majeure depuis 15 h 10.';
    const [finding] = lint({ ...base, text }).filter((f) => f.rule === 'alarmist-label');
    assert.ok(finding);
    assert.equal(text.slice(finding.start, finding.end), 'panne\u00a0majeure');
    assert.equal(finding.suggestion, 'panne');
    assert.match(finding.doctrine, /^§2/);
    assert.match(finding.message, /« panne\u00a0majeure »/);
  });

  it('a workspace can say an audience is technical, or not, whatever its id', () => {
    const text = 'Un rollback est en cours.';
    const jargonFor = (input: Partial<LintInput>) => lint({ ...base, text, ...input }).filter((f) => f.rule === 'jargon').length;
    assert.equal(jargonFor({ audience: 'customers' }), 1);
    assert.equal(jargonFor({ audience: 'customers', technicalAudience: true }), 0);
    assert.equal(jargonFor({ audience: 'technical_customers' }), 0);
    assert.equal(jargonFor({ audience: 'technical_customers', technicalAudience: false }), 1);
  });

  it('the glossary\'s plain word is the suggestion for the audiences it names', () => {
    const glossary = [{ term: 'SEPA', plain: 'virement', language: 'fr' as const, audiences: ['customers'] }];
    const [finding] = lint({ ...base, text: 'Les paiements SEPA sont retardés.', glossary }).filter((f) => f.rule === 'jargon');
    assert.equal(finding?.suggestion, 'virement');
    assert.deepEqual(lint({ ...base, audience: 'press', text: 'Les paiements SEPA sont retardés.', glossary }).filter((f) => f.rule === 'jargon'), []);
  });

  it('messages are written in the message\'s language', () => {
    const en = lint({ ...base, text: 'We are facing a major outage.', language: 'en' }).find((f) => f.rule === 'alarmist-label');
    assert.match(en!.message, /dramatises/);
    const fr = lint(base).find((f) => f.rule === 'alarmist-label');
    assert.match(fr!.message, /dramatise sans informer/);
  });
});

describe('describeRules', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`documents every rule in ${language}, with plain examples`, () => {
      const rules = describeRules(language);
      assert.deepEqual(rules.map((r) => r.id), [...ruleIds]);
      for (const rule of rules) {
        assert.ok(rule.summary.length > 20 && rule.doctrine.startsWith('§'));
        assert.ok(rule.examples.bad.length > 0 && rule.examples.good.length > 0);
        assert.ok([...rule.examples.bad, ...rule.examples.good].every((e) => !e.includes('[[')));
      }
    });
  }
});
