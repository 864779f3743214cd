import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintWith } from '../../src/domain/linter/engine.ts';
import { ruleIds } from '../../src/domain/linter/index.ts';
import { withoutGuard } from '../../src/domain/linter/pack.ts';
import { examplesOf, type Example, type Rule } from '../../src/domain/linter/rule.ts';
import { allRules } from '../../src/domain/linter/rules/index.ts';
import type { Finding, LintInput, LintLanguage } from '../../src/domain/linter/types.ts';

const languages: LintLanguage[] = ['fr', 'en'];

interface Marker {
  field: 'text' | 'subject';
  start: number;
  end: number;
}

/** The input an example is linted with, and where its [[…]] marker sits once removed. */
function prepare(rule: Rule, language: LintLanguage, example: Example): { input: LintInput; marker: Marker | null } {
  const { text, context = {} } = typeof example === 'string' ? { text: example, context: {} } : example;
  let marker: Marker | null = null;
  const unmark = (value: string, field: Marker['field']) => {
    const start = value.indexOf('[[');
    if (start < 0) return value;
    const end = value.indexOf(']]') - 2;
    marker = { field, start, end };
    return value.replace('[[', '').replace(']]', '');
  };
  const input: LintInput = {
    stage: 'update',
    audience: 'customers',
    channel: 'status_page',
    ...rule.exampleContext,
    ...context,
    language,
    text: unmark(text, 'text'),
  };
  if (input.subject !== undefined) input.subject = unmark(input.subject, 'subject');
  return { input, marker };
}

const ofRule = (findings: Finding[], rule: Rule) => findings.filter((f) => f.rule === rule.id);

function applied(input: LintInput, finding: Finding): LintInput {
  const field = finding.field ?? 'text';
  const value = field === 'subject' ? input.subject! : input.text;
  const fixed = value.slice(0, finding.start) + finding.suggestion + value.slice(finding.end);
  return field === 'subject' ? { ...input, subject: fixed } : { ...input, text: fixed };
}

describe('every rule runs its own examples (LanguageTool\'s habit)', () => {
  it('rule ids are the documented ones, each once', () => {
    assert.deepEqual(new Set(ruleIds).size, ruleIds.length);
    assert.deepEqual([...ruleIds].sort(), [
      'alarmist-label', 'arrogance', 'blame', 'breach-advice-missing', 'breach-consequences-missing', 'breach-contact-missing', 'breach-measures-missing',
      'breach-minimized', 'closing-actions-missing', 'closing-apology-missing', 'closing-cause-missing', 'closing-overtechnical', 'closing-self-flagellation',
      'contradiction', 'counter-fire', 'globalization', 'jargon', 'key-message-missing', 'legalese', 'minimizing-label', 'missing-action', 'missing-impact',
      'missing-next-update', 'missing-what', 'no-comment', 'over-promise', 'promo-during-incident', 'readability', 'resolution-eta', 'too-long',
      'unconfirmed-as-fact', 'vague', 'victimization',
    ]);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      for (const language of languages) {
        const examples = examplesOf(rule, language);

        it(`has bad and good examples in ${language}, each bad one marked once`, () => {
          assert.ok(examples.bad.length > 0 && examples.good.length > 0);
          for (const example of examples.bad) assert.ok(prepare(rule, language, example).marker, `no [[…]] in ${JSON.stringify(example)}`);
        });

        examples.bad.forEach((example, index) => {
          it(`${language} bad #${index + 1}: one finding at the marker, and its suggestion clears it`, () => {
            const { input, marker } = prepare(rule, language, example);
            const findings = ofRule(lintWith(input, allRules), rule);
            assert.equal(findings.length, 1, `${JSON.stringify(input.text)} gave ${JSON.stringify(findings)}`);
            const [finding] = findings as [Finding];
            assert.deepEqual({ field: finding.field ?? 'text', start: finding.start, end: finding.end }, marker);
            assert.equal(finding.doctrine, rule.doctrine);
            assert.ok(finding.message.length > 0);
            if (finding.suggestion !== undefined) {
              const fixed = applied(input, finding);
              assert.deepEqual(ofRule(lintWith(fixed, allRules), rule), [], `the fix gave ${JSON.stringify(fixed.text)}`);
            }
          });
        });

        examples.good.forEach((example, index) => {
          it(`${language} good #${index + 1}: no finding`, () => {
            const { input } = prepare(rule, language, example);
            assert.deepEqual(ofRule(lintWith(input, allRules), rule), []);
          });
          const guard = typeof example === 'string' ? undefined : example.guards;
          if (guard !== undefined && rule.kind === 'data') {
            it(`${language} good #${index + 1} is protected by its guard (${guard}): without it, the rule fires`, () => {
              const { input } = prepare(rule, language, example);
              const unguarded: Rule = { ...rule, packs: { ...rule.packs, [language]: withoutGuard(rule.id, language, rule.packs[language], guard) } };
              assert.ok(ofRule(lintWith(input, [unguarded]), rule).length > 0);
            });
          }
        });

        if (rule.kind === 'data') {
          it(`every ${language} antipattern protects a good example`, () => {
            const guarded = new Set(examples.good.map((e) => (typeof e === 'string' ? undefined : e.guards)));
            rule.packs[language].antipatterns.forEach((_, i) => assert.ok(guarded.has(i), `antipattern ${i} has no good example`));
          });
        }
      }
    });
  }
});
