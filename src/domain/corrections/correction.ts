import type { Stage } from '../linter/types.ts';

export type CorrectionLanguage = 'fr' | 'en';
export const correctionLanguages = ['fr', 'en'] as const satisfies readonly CorrectionLanguage[];

/** A text per language; at least one is set. */
export type Texts = Partial<Record<CorrectionLanguage, string>>;

/**
 * Whether a stage's status-page variants become an update on the incident's timeline. A rumor
 * correction does not: it enters the corrections log instead, so that it neither moves the
 * incident's status nor settles or clears the promised time of the next update (a correction is
 * not the update people were promised).
 */
export function becomesIncidentUpdate(stage: Stage): boolean {
  switch (stage) {
    case 'rumor_correction':
      return false;
    case 'first':
    case 'update':
    case 'identified':
    case 'monitoring':
    case 'resolved':
    case 'closing':
    case 'breach_notice':
    case 'compensation':
    case 'maintenance_notice':
      return true;
  }
}

export type RumorState = 'open' | 'refuted' | 'confirmed';

/** Where a rumor stands for the corrections screen: its state, or a correction on its way. */
export type RumorStanding = RumorState | 'correction_pending';

export function rumorStanding(state: RumorState, corrections: ReadonlyArray<{ publishedAt: Date | null }>): RumorStanding {
  if (state === 'confirmed') return 'confirmed';
  if (corrections.some((c) => c.publishedAt === null)) return 'correction_pending';
  return state;
}

export interface Refusal {
  reason: string;
  detail: string;
}

/**
 * Why a rumor cannot get a correction now, or null. A confirmed rumor is true: correcting it would
 * say otherwise. One correction at a time: a second draft would race the first to the page.
 */
export function correctionRefusal(rumor: { state: RumorState; isWithdrawn: boolean }, pendingMessageId: string | null): Refusal | null {
  if (rumor.isWithdrawn) return { reason: 'rumor-withdrawn', detail: 'This rumor was withdrawn from the fact sheet: there is nothing to correct.' };
  if (rumor.state === 'confirmed') return { reason: 'rumor-confirmed', detail: 'This rumor was confirmed: it is true, a correction would say otherwise. Say it as a known fact in an update instead.' };
  if (pendingMessageId !== null) return { reason: 'correction-pending', detail: `A correction of this rumor is already on its way (message ${pendingMessageId}): edit, approve and publish that one.` };
  return null;
}

/** The text in `language`, else in `fallback`, else any. */
export function textIn(texts: Texts, language: CorrectionLanguage, fallback: CorrectionLanguage = language): string | undefined {
  return texts[language] ?? texts[fallback] ?? correctionLanguages.map((l) => texts[l]).find((text) => text !== undefined);
}

/** Quotes what was said, without doubling the quotes someone already typed. */
export function quoted(said: string, language: CorrectionLanguage): string {
  const bare = said.trim().replace(/^[«"“]\s*/u, '').replace(/\s*[»"”]$/u, '');
  return language === 'fr' ? `« ${bare} »` : `“${bare}”`;
}

export interface CorrectionDrafts {
  /** The status page's variant: what is true, as the log shows it next to what was said. */
  page: string;
  email: { subject: string; body: string };
  social: string;
}

/** The first drafts of a correction's variants in one language; the composer edits them like any other. */
export function correctionDrafts({ said, truth, language, incidentName }: { said: string; truth: string; language: CorrectionLanguage; incidentName: string }): CorrectionDrafts {
  const claim = quoted(said, language);
  const fact = truth.trim();
  switch (language) {
    case 'fr':
      return {
        page: fact,
        email: { subject: `Rectification : ${incidentName}`, body: `Une information erronée circule : ${claim}\n\nVoici les faits : ${fact}` },
        social: `Rectification : ${claim} est faux. ${fact}`,
      };
    case 'en':
      return {
        page: fact,
        email: { subject: `Correction: ${incidentName}`, body: `False information is circulating: ${claim}\n\nHere are the facts: ${fact}` },
        social: `Correction: ${claim} is false. ${fact}`,
      };
  }
}
