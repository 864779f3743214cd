/** The longest a failing source waits between two polls. */
export const maxBackoffSeconds = 6 * 3_600;

/** How one poll ended, as far as the schedule is concerned. */
export type PollOutcome =
  | { kind: 'succeeded' }
  | { kind: 'failed'; retryAfter?: Date };

/**
 * When a source is polled next. A success waits its interval; each consecutive failure doubles it
 * (up to six hours), and a Retry-After the source sent (429, 503) is honoured when it asks longer.
 */
export function nextPollAt(now: Date, pollEverySeconds: number, failures: number, outcome: PollOutcome): Date {
  switch (outcome.kind) {
    case 'succeeded':
      return new Date(now.getTime() + pollEverySeconds * 1_000);
    case 'failed': {
      const backoffSeconds = Math.min(pollEverySeconds * 2 ** Math.max(failures, 1), maxBackoffSeconds);
      const backoff = new Date(now.getTime() + Math.max(backoffSeconds, pollEverySeconds) * 1_000);
      return outcome.retryAfter && outcome.retryAfter > backoff ? outcome.retryAfter : backoff;
    }
  }
}

/** The newer of two Mastodon status ids (snowflakes: compare as integers, not as text). */
export function newerStatusId(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  return (a.length === b.length ? a > b : a.length > b.length) ? a : b;
}
