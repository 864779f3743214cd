import type { Finding, GlossaryEntry, LintFacts, Severity, SocialNetwork } from '../../../../../domain/linter/index.ts';
import type { Channel, Stage } from '../../../../../domain/message/stages.ts';

/** The shapes of the message routes the composer reads (GET /api/admin/messages/{messageId}). */
export type { Channel, Finding, Severity, SocialNetwork, Stage };
export type Language = 'fr' | 'en';

export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  name: string;
}

export interface Variant {
  id: string;
  message_id: string;
  audience: string;
  language: Language;
  channel: Channel;
  network: SocialNetwork | null;
  subject: string | null;
  body: string;
  editor: Actor;
  created_at: string;
  updated_at: string;
  version: number;
  findings: Finding[];
}

export interface Review {
  id: string;
  variant_id: string | null;
  kind: 'request' | 'approve' | 'request_changes' | 'comment';
  body: string | null;
  override_reason: string | null;
  overridden_rules: string[];
  content_hash: string;
  current: boolean;
  actor: Actor;
  at: string;
}

export type ReviewState = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published';

export interface Message {
  id: string;
  incident_id: string;
  stage: Stage;
  state: 'draft' | 'in_review' | 'published';
  review_state: ReviewState;
  four_eyes: boolean;
  content_hash: string;
  next_update_at: string | null;
  notify_subscribers: boolean;
  emergency: boolean;
  emergency_reason: string | null;
  author: Actor;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by_name: string | null;
  incident_update_id: string | null;
  version: number;
  variants: Variant[];
  reviews: Review[];
}

/** PATCH …/variants/{variantId} answers the variant and where the message now stands. */
export interface EditedVariant extends Variant {
  message: { id: string; state: Message['state']; review_state: ReviewState; content_hash: string; version: number };
  approval_voided: boolean;
}

/** GET …/lint-context: what the browser's linter needs besides the text. */
export interface LintContext {
  message_id: string;
  stage: Stage;
  next_update_at: string | null;
  facts: LintFacts | null;
  glossary: GlossaryEntry[];
  rules: Record<string, 'off' | Severity>;
  time_zone: string;
  now: string;
}

export interface Audience {
  id: string;
  name: { fr: string; en: string };
  lay: boolean;
}

/** GET /api/admin/settings/communication, the parts the composer uses. */
export interface CommsSettings {
  audiences: Audience[];
  cadence: { critical: number; major: number; minor: number; none: number };
  status_page_audience: string;
}
