import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextReviewAt, reviewState, type ReviewMark } from './review-state.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 14, minute));
const review = (kind: ReviewMark['kind'], actor: string, minute: number, contentHash = 'h1'): ReviewMark => ({ kind, actor, at: at(minute), contentHash });
const base = { contentHash: 'h1', authors: ['user:author'], fourEyes: true, state: 'in_review' as const };

describe('review state', () => {
  const cases: Array<[string, Partial<Parameters<typeof reviewState>[0]> & { reviews: ReviewMark[] }, string]> = [
    ['nothing yet, not asked: draft', { reviews: [], state: 'draft' }, 'draft'],
    ['asked for review: in review', { reviews: [review('request', 'user:author', 1)] }, 'in_review'],
    ['approved by another reviewer', { reviews: [review('approve', 'user:legal', 2)] }, 'approved'],
    ['four-eyes: the author\'s own approval does not count', { reviews: [review('approve', 'user:author', 2)] }, 'in_review'],
    ['four-eyes off: it does', { reviews: [review('approve', 'user:author', 2)], fourEyes: false }, 'approved'],
    ['an approval of other content (before an edit) does not count', { reviews: [review('approve', 'user:legal', 2, 'h0')] }, 'in_review'],
    ['a later request for changes wins over an earlier approval', { reviews: [review('approve', 'user:legal', 2), review('request_changes', 'user:comms', 3)] }, 'changes_requested'],
    ['a reviewer who asked for changes and then approved clears them', { reviews: [review('request_changes', 'user:legal', 2), review('approve', 'user:legal', 3)] }, 'approved'],
    ['another reviewer\'s approval does not silence a request for changes', { reviews: [review('request_changes', 'user:legal', 2), review('approve', 'user:comms', 3)] }, 'changes_requested'],
    ['changes asked on older content are history', { reviews: [review('request_changes', 'user:legal', 2, 'h0')] }, 'in_review'],
    ['comments neither approve nor block', { reviews: [review('comment', 'user:legal', 2), review('approve', 'user:comms', 3), review('comment', 'user:legal', 4)] }, 'approved'],
    ['published stays published', { reviews: [], state: 'published' }, 'published'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(reviewState({ ...base, ...input }), expected);
      assert.equal(reviewState({ ...base, ...input, reviews: [...input.reviews].reverse() }), expected, 'the order reviews are given in does not matter');
    });
  }

  it('review times never tie, so "later" is always defined', () => {
    const now = at(5);
    assert.deepEqual(nextReviewAt(now, null), now);
    assert.deepEqual(nextReviewAt(now, at(4)), now);
    assert.equal(nextReviewAt(now, now).getTime(), now.getTime() + 1);
  });
});
