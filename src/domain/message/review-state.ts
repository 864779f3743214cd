export type ReviewState = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published';
export type ReviewKind = 'request' | 'approve' | 'request_changes' | 'comment';

export interface ReviewMark {
  kind: ReviewKind;
  contentHash: string;
  /** Who gave it, as `actorKey` builds it. */
  actor: string;
  at: Date;
}

/** One identity per actor for four-eyes: a user or token by id, the system by name. */
export function actorKey(actor: { type: string; id: string | null; name: string }): string {
  return `${actor.type}:${actor.id ?? actor.name}`;
}

/**
 * Where a message stands, derived from its reviews (never stored). Only reviews of the current
 * content count, so an edit voids approvals. A reviewer whose latest verdict on it asks for changes
 * blocks it until they approve; otherwise one approval suffices, and with four-eyes on it must come
 * from someone who did not write any of the current variants.
 */
export function reviewState(input: {
  reviews: readonly ReviewMark[];
  contentHash: string;
  /** Actor keys of the editors of the current variants. */
  authors: readonly string[];
  fourEyes: boolean;
  state: 'draft' | 'in_review' | 'published';
}): ReviewState {
  if (input.state === 'published') return 'published';
  const current = input.reviews.filter((r) => r.contentHash === input.contentHash).sort((a, b) => a.at.getTime() - b.at.getTime());
  const verdicts = new Map<string, 'approve' | 'request_changes'>();
  for (const review of current) {
    if (review.kind === 'approve' || review.kind === 'request_changes') verdicts.set(review.actor, review.kind);
  }
  if ([...verdicts.values()].includes('request_changes')) return 'changes_requested';
  const authors = new Set(input.authors);
  const approved = [...verdicts].some(([actor, verdict]) => verdict === 'approve' && !(input.fourEyes && authors.has(actor)));
  if (approved) return 'approved';
  return input.state === 'in_review' ? 'in_review' : 'draft';
}

/** A review's time: never before the previous one, so "later" is a total order even within a millisecond. */
export function nextReviewAt(now: Date, lastAt: Date | null): Date {
  return lastAt && lastAt.getTime() >= now.getTime() ? new Date(lastAt.getTime() + 1) : now;
}
