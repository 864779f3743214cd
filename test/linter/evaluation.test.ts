import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ruleIds } from '../../src/domain/linter/index.ts';
import { evaluationSet } from './evaluation.ts';

describe('the evaluation set', () => {
  it('holds at least 60 messages, half French and half English, and every rule is expected somewhere', () => {
    assert.ok(evaluationSet.length >= 60);
    const french = evaluationSet.filter((c) => c.input.language === 'fr').length;
    assert.ok(Math.abs(french - (evaluationSet.length - french)) <= 4, `${french} French of ${evaluationSet.length}`);
    const expected = new Set(evaluationSet.flatMap((c) => c.must));
    assert.deepEqual(ruleIds.filter((id) => !expected.has(id)), []);
    assert.equal(new Set(evaluationSet.map((c) => c.id)).size, evaluationSet.length);
  });

  for (const c of evaluationSet) {
    it(`${c.id}: raises ${c.must.length > 0 ? c.must.join(', ') : 'nothing'}, and no other rule`, () => {
      const raised = new Set(lint(c.input).map((f) => f.rule));
      assert.deepEqual(c.must.filter((id) => !raised.has(id)), [], 'must produce');
      assert.deepEqual([...raised].filter((id) => !c.must.includes(id) && !(c.may && id in c.may)), [], 'must not produce');
    });
  }
});
