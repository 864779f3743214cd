import type { FieldIssue } from '../errors.ts';
import type { LintLanguage } from '../linter/index.ts';
import { formatDate } from '../message/format.ts';

/** Doctrine §8: a gesture proportionate to the inconvenience (Orange's free day, OVH's six months free). */
export const compensationKinds = ['credit', 'free_period', 'refund'] as const;
export type CompensationKind = (typeof compensationKinds)[number];
export const periodUnits = ['day', 'month'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

/**
 * draft: being defined · announcing: its announcement is drafted, its terms frozen · announced: the
 * announcement is published, the promise pending · delivering: being applied · delivered · cancelled.
 */
export const gestureStates = ['draft', 'announcing', 'announced', 'delivering', 'delivered', 'cancelled'] as const;
export type GestureState = (typeof gestureStates)[number];

export interface GestureTerms {
  kind: CompensationKind;
  /** In the currency's minor unit (cents). */
  amountMinor: number | null;
  currency: string | null;
  periodCount: number | null;
  periodUnit: PeriodUnit | null;
  description: Record<LintLanguage, string>;
}

/** What each kind needs: an amount for a credit, a length for free days or months; a refund may name its amount. */
export function termsIssues(terms: GestureTerms): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const hasAmount = terms.amountMinor !== null;
  const hasPeriod = terms.periodCount !== null || terms.periodUnit !== null;
  switch (terms.kind) {
    case 'credit':
    case 'refund':
      if (terms.kind === 'credit' && !hasAmount) issues.push({ pointer: '/amount', detail: 'a credit has an amount' });
      if (hasAmount !== (terms.currency !== null)) issues.push({ pointer: hasAmount ? '/currency' : '/amount', detail: 'an amount and its currency go together' });
      if (hasPeriod) issues.push({ pointer: '/period_count', detail: `a ${terms.kind} offers an amount, not free days or months` });
      if (terms.kind === 'refund' && !hasAmount && !terms.description.fr.trim() && !terms.description.en.trim()) {
        issues.push({ pointer: '/description', detail: 'a refund without an amount says what is refunded (the month\'s fee…)' });
      }
      return issues;
    case 'free_period':
      if (terms.periodCount === null) issues.push({ pointer: '/period_count', detail: 'free days or months: say how many' });
      if (terms.periodUnit === null) issues.push({ pointer: '/period_unit', detail: 'day or month' });
      if (hasAmount || terms.currency !== null) issues.push({ pointer: '/amount', detail: 'a free period has no amount' });
      return issues;
  }
}

/** "20 €", "12,50 €" / "€20", "€12.50", with plain spaces (an SMS stays in GSM-7). */
export function formatMoney(amountMinor: number, currency: string, language: LintLanguage): string {
  const whole = amountMinor % 100 === 0;
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })
    .format(amountMinor / 100)
    .replace(/[\u00a0\u202f]/g, ' ');
}

const numberWordsEn = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The gesture itself, as a phrase: "un avoir de 20 €", "six months free", "1 jour offert". */
export function offerPhrase(terms: GestureTerms, language: LintLanguage): string {
  switch (terms.kind) {
    case 'credit': {
      const money = formatMoney(terms.amountMinor ?? 0, terms.currency ?? 'EUR', language);
      return language === 'fr' ? `un avoir de ${money}` : `a credit of ${money}`;
    }
    case 'refund': {
      if (terms.amountMinor === null || terms.currency === null) return language === 'fr' ? 'un remboursement' : 'a refund';
      const money = formatMoney(terms.amountMinor, terms.currency, language);
      return language === 'fr' ? `un remboursement de ${money}` : `a refund of ${money}`;
    }
    case 'free_period': {
      const count = terms.periodCount ?? 1;
      if (language === 'fr') {
        const unit = terms.periodUnit === 'month' ? 'mois' : count > 1 ? 'jours' : 'jour';
        return `${count} ${unit} offert${count > 1 ? 's' : ''}`;
      }
      const unit = `${terms.periodUnit === 'month' ? 'month' : 'day'}${count > 1 ? 's' : ''}`;
      return `${numberWordsEn[count] ?? String(count)} ${unit} free`;
    }
  }
}

/**
 * What the announcement says is offered, in the template's `{{compensation}}` slot: the gesture, what
 * the team wrote about it, and by when it is applied (doctrine §2: a promise says when it holds).
 */
export function offerSentence(terms: GestureTerms, language: LintLanguage, dueAt: Date | null, timeZone: string, now: Date): string {
  const description = terms.description[language].trim().replace(/[.\s]+$/, '');
  let text = offerPhrase(terms, language) + (description ? `, ${description}` : '');
  if (dueAt) text += language === 'fr' ? `, appliqué d’ici le ${formatDate(dueAt, 'fr', timeZone, now)}` : `, applied by ${formatDate(dueAt, 'en', timeZone, now)}`;
  return `${text}.`;
}

/** The promise the published announcement records in the fact sheet. */
export function promiseText(terms: GestureTerms, language: LintLanguage): string {
  const offer = offerPhrase(terms, language);
  return language === 'fr' ? `Geste commercial annoncé : ${offer}` : `Compensation announced: ${offer}`;
}

export type GestureAction = 'edit' | 'announce' | 'publish' | 'start_delivery' | 'deliver' | 'cancel';

/** The state an action leads to, or why it is refused in this state. */
export function transition(state: GestureState, action: GestureAction): { ok: true; to: GestureState } | { ok: false; reason: string } {
  const refuse = (reason: string) => ({ ok: false as const, reason });
  switch (state) {
    case 'draft':
      if (action === 'edit') return { ok: true, to: 'draft' };
      if (action === 'announce') return { ok: true, to: 'announcing' };
      if (action === 'cancel') return { ok: true, to: 'cancelled' };
      return refuse('the gesture is not announced yet: announce it first');
    case 'announcing':
      if (action === 'publish') return { ok: true, to: 'announced' };
      if (action === 'cancel') return { ok: true, to: 'cancelled' };
      if (action === 'edit') return refuse('its announcement is drafted: its terms are frozen (cancel it and define the gesture again to change them)');
      if (action === 'announce') return refuse('its announcement is already drafted: open it in the composer');
      return refuse('its announcement is not published yet: publish it first');
    case 'announced':
      if (action === 'start_delivery') return { ok: true, to: 'delivering' };
      if (action === 'deliver') return { ok: true, to: 'delivered' };
      if (action === 'cancel') return { ok: true, to: 'cancelled' };
      return refuse('the gesture is announced: its terms are public');
    case 'delivering':
      if (action === 'deliver') return { ok: true, to: 'delivered' };
      if (action === 'cancel') return { ok: true, to: 'cancelled' };
      return refuse('the gesture is being delivered');
    case 'delivered':
      return refuse('the gesture is delivered');
    case 'cancelled':
      return refuse('the gesture is cancelled');
  }
}

/** A public promise is kept when delivered by its due time, broken when late. */
export function promiseOutcome(dueAt: Date | null, deliveredAt: Date): 'kept' | 'broken' {
  return dueAt === null || deliveredAt <= dueAt ? 'kept' : 'broken';
}

/** Whether cancelling drops a public promise: then it needs a reason (doctrine §8 and the closing gate). */
export function isPublic(state: GestureState): boolean {
  switch (state) {
    case 'announced':
    case 'delivering':
    case 'delivered':
      return true;
    case 'draft':
    case 'announcing':
    case 'cancelled':
      return false;
  }
}
