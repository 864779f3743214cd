import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreDrill, type DrillOutcome } from './score.ts';

const outcome = (set: Partial<DrillOutcome>): DrillOutcome => ({
  targetFirstMessageMinutes: 30, firstPublicAfterMinutes: 20, publishedMessages: 2,
  promises: { kept: 2, broken: 0, pending: 1 }, findings: { errors: 0, warnings: 0 }, contradictions: 0, forms: { onTime: 0, late: 0 }, ...set,
});
const points = (score: ReturnType<typeof scoreDrill>) => Object.fromEntries(score.criteria.map((c) => [c.id, c.points]));

describe('drill score', () => {
  it('a cell that follows the doctrine scores 100 with nothing to improve', () => {
    const score = scoreDrill(outcome({}));
    assert.equal(score.total, 100);
    assert.deepEqual(score.criteria.filter((c) => c.advice), []);
  });

  it('the first message loses points past its target, none left at three times it, none when never published', () => {
    const table: Array<[number | null, number]> = [[30, 30], [31, 30 - 1], [45, 22], [60, 15], [90, 0], [200, 0], [null, 0]];
    for (const [after, expected] of table) {
      assert.equal(points(scoreDrill(outcome({ firstPublicAfterMinutes: after }))).first_message, expected, `after ${after} min`);
    }
    assert.match(scoreDrill(outcome({ firstPublicAfterMinutes: 45 })).criteria[0]!.advice!.en, /15 min late/);
  });

  it('cadence is the share of promised updates kept; no promise at all scores nothing', () => {
    assert.equal(points(scoreDrill(outcome({ promises: { kept: 1, broken: 1, pending: 0 } }))).cadence, 10);
    assert.equal(points(scoreDrill(outcome({ promises: { kept: 3, broken: 1, pending: 0 } }))).cadence, 15);
    assert.equal(points(scoreDrill(outcome({ promises: { kept: 0, broken: 0, pending: 1 } }))).cadence, 20, 'a promise not yet due is not a broken one');
    const none = scoreDrill(outcome({ promises: { kept: 0, broken: 0, pending: 0 } }));
    assert.equal(points(none).cadence, 0);
    assert.match(none.criteria[1]!.advice!.fr, /prochain point/);
  });

  it('linter findings and contradictions left at publish cost points; publishing nothing earns none', () => {
    assert.equal(points(scoreDrill(outcome({ findings: { errors: 1, warnings: 3 } }))).findings, 20 - 5 - 6);
    assert.equal(points(scoreDrill(outcome({ findings: { errors: 9, warnings: 0 } }))).findings, 0);
    assert.equal(points(scoreDrill(outcome({ contradictions: 2 }))).contradictions, 5);
    const silent = points(scoreDrill(outcome({ publishedMessages: 0, firstPublicAfterMinutes: null, promises: { kept: 0, broken: 0, pending: 0 } })));
    assert.deepEqual(silent, { first_message: 0, cadence: 0, findings: 0, contradictions: 0, regulatory: 15 });
  });

  it('regulatory forms score their on-time share; none owed is full points', () => {
    assert.equal(points(scoreDrill(outcome({ forms: { onTime: 1, late: 2 } }))).regulatory, 5);
    assert.equal(points(scoreDrill(outcome({ forms: { onTime: 2, late: 0 } }))).regulatory, 15);
  });

  it('the total is the sum of the criteria, whatever their order', () => {
    const score = scoreDrill(outcome({ firstPublicAfterMinutes: 60, promises: { kept: 1, broken: 1, pending: 0 }, findings: { errors: 1, warnings: 0 }, contradictions: 1, forms: { onTime: 0, late: 1 } }));
    assert.equal(score.total, 15 + 10 + 15 + 10 + 0);
    assert.equal(score.total, [...score.criteria].reverse().reduce((sum, c) => sum + c.points, 0));
  });
});
