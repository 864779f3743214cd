export const listeningSourceKinds = ['feed', 'mastodon'] as const;
/** feed: RSS 2.0 or Atom 1.0 (told apart by the document); mastodon: an instance's public timelines. */
export type ListeningSourceKind = (typeof listeningSourceKinds)[number];

export const mentionStates = ['new', 'dismissed', 'rumor'] as const;
/** new: waits in the inbox; dismissed: read, nothing to do; rumor: recorded on an incident's fact sheet. */
export type MentionState = (typeof mentionStates)[number];

/** Where the next poll of a source resumes. */
export interface ListeningCursor {
  /** Feed: the validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  last_modified?: string;
  /** Feed: what the last document was. */
  format?: 'rss' | 'atom';
  /** Mastodon: the newest status id seen; the next poll asks only for newer ones. */
  min_id?: string;
}

/** One item read from a source, before keyword matching. */
export interface ListenedItem {
  external_id: string;
  url: string | null;
  author: string | null;
  text: string;
  published_at: Date | null;
}
