import type { Text } from './scenario.ts';

/** What a drill's sandbox came to, counted by the service at the end of the drill. */
export interface DrillOutcome {
  /** The scenario's target for the first public message, in drill minutes. */
  targetFirstMessageMinutes: number;
  /** Drill minutes from the first alert to the first public message; null: none was published. */
  firstPublicAfterMinutes: number | null;
  /** Messages published during the drill. */
  publishedMessages: number;
  /** Next-update promises that fell due during the drill, and those still ahead at its end. */
  promises: { kept: number; broken: number; pending: number };
  /** Error- and warning-level findings left in the published variants, contradictions apart. */
  findings: { errors: number; warnings: number };
  /** Contradiction findings in the published variants. */
  contradictions: number;
  /** Regulatory report forms owed: completed by their deadline, or not. */
  forms: { onTime: number; late: number };
}

export const criterionIds = ['first_message', 'cadence', 'findings', 'contradictions', 'regulatory'] as const;
export type CriterionId = (typeof criterionIds)[number];

export interface Criterion {
  id: CriterionId;
  points: number;
  max: number;
  /** The figure behind the points, in words. */
  figure: Text;
  /** What to improve; null at full points. */
  advice: Text | null;
}

export interface DrillScore {
  total: number;
  max: 100;
  criteria: Criterion[];
}

const maxPoints: Record<CriterionId, number> = { first_message: 30, cadence: 20, findings: 20, contradictions: 15, regulatory: 15 };

/** Scores a drill against the doctrine: each criterion with its points, the total out of 100. */
export function scoreDrill(outcome: DrillOutcome): DrillScore {
  const criteria = [firstMessage(outcome), cadence(outcome), findings(outcome), contradictions(outcome), regulatory(outcome)];
  return { total: criteria.reduce((sum, c) => sum + c.points, 0), max: 100, criteria };
}

// Doctrine §1: "in digital time, more than one hour is already too late" — full points within the
// scenario's target, none at three times it.
function firstMessage({ targetFirstMessageMinutes: target, firstPublicAfterMinutes: after }: DrillOutcome): Criterion {
  const max = maxPoints.first_message;
  if (after === null) {
    return {
      id: 'first_message', points: 0, max,
      figure: { fr: `Aucun message public (objectif : ${target} min)`, en: `No public message (target: ${target} min)` },
      advice: { fr: `Publiez un premier message court dans les ${target} minutes : ce qui se passe, qui est touché, ce qui est fait, l’heure du prochain point.`, en: `Publish a short first message within ${target} minutes: what is happening, who is affected, what is being done, when you will speak next.` },
    };
  }
  const points = after <= target ? max : Math.max(0, Math.floor((max * (3 * target - after)) / (2 * target)));
  return {
    id: 'first_message', points, max,
    figure: { fr: `Premier message public après ${after} min (objectif : ${target} min)`, en: `First public message after ${after} min (target: ${target} min)` },
    advice: points === max ? null : { fr: `Le premier message est arrivé ${after - target} min trop tard : préparez des modèles approuvés d’avance et publiez ce qui est confirmé sans attendre la cause.`, en: `The first message came ${after - target} min late: keep pre-approved templates and publish what is confirmed without waiting for the cause.` },
  };
}

// Doctrine §1: every message carries the time of the next update, and that time is kept.
function cadence({ promises, publishedMessages }: DrillOutcome): Criterion {
  const max = maxPoints.cadence;
  const due = promises.kept + promises.broken;
  if (due === 0) {
    const promised = promises.pending > 0;
    return {
      id: 'cadence', points: promised ? max : 0, max,
      figure: promised ? { fr: 'Prochain point annoncé, pas encore échu à la fin de l’exercice', en: 'Next update announced, not yet due when the drill ended' } : { fr: 'Aucun prochain point annoncé', en: 'No next update announced' },
      advice: promised ? null : { fr: publishedMessages === 0 ? 'Sans message, aucun rendez-vous n’a été donné au public.' : 'Chaque message doit annoncer l’heure du prochain point.', en: publishedMessages === 0 ? 'Without a message, the public was given no time to come back.' : 'Every message must announce the time of the next update.' },
    };
  }
  const points = Math.round((max * promises.kept) / due);
  const percent = Math.round((100 * promises.kept) / due);
  return {
    id: 'cadence', points, max,
    figure: { fr: `${promises.kept} prochain(s) point(s) tenu(s) sur ${due} (${percent} %)`, en: `${promises.kept} of ${due} promised updates kept (${percent}%)` },
    advice: points === max ? null : { fr: `${promises.broken} prochain(s) point(s) manqué(s) : publiez à l’heure promise, même sans nouveauté, ou reportez avant l’échéance.`, en: `${promises.broken} promised update(s) missed: publish at the promised time even with nothing new, or postpone before it falls due.` },
  };
}

function findings({ findings: counts, publishedMessages }: DrillOutcome): Criterion {
  const max = maxPoints.findings;
  if (publishedMessages === 0) return nothingPublished('findings', max);
  const points = Math.max(0, max - 5 * counts.errors - 2 * counts.warnings);
  return {
    id: 'findings', points, max,
    figure: { fr: `${counts.errors} erreur(s) et ${counts.warnings} avertissement(s) du correcteur laissés à la publication`, en: `${counts.errors} error(s) and ${counts.warnings} warning(s) from the linter left at publish` },
    advice: points === max ? null : { fr: 'Traitez les remarques du correcteur avant d’approuver : ton, promesses, impact et prochain point.', en: 'Deal with the linter’s findings before approving: tone, promises, impact and next update.' },
  };
}

// Doctrine §4: one source of truth; no channel contradicts another or the fact sheet.
function contradictions({ contradictions: count, publishedMessages }: DrillOutcome): Criterion {
  const max = maxPoints.contradictions;
  if (publishedMessages === 0) return nothingPublished('contradictions', max);
  const points = Math.max(0, max - 5 * count);
  return {
    id: 'contradictions', points, max,
    figure: { fr: `${count} contradiction(s) publiée(s)`, en: `${count} contradiction(s) published` },
    advice: points === max ? null : { fr: 'Alignez chaque variante sur la fiche de faits et les éléments de langage.', en: 'Align every variant with the fact sheet and the key messages.' },
  };
}

// GDPR art. 33 (72 h from awareness) and the other regimes' forms, from the regulatory clocks.
function regulatory({ forms }: DrillOutcome): Criterion {
  const max = maxPoints.regulatory;
  const owed = forms.onTime + forms.late;
  if (owed === 0) {
    return { id: 'regulatory', points: max, max, figure: { fr: 'Aucun formulaire réglementaire dû', en: 'No regulatory form owed' }, advice: null };
  }
  const points = Math.round((max * forms.onTime) / owed);
  return {
    id: 'regulatory', points, max,
    figure: { fr: `${forms.onTime} formulaire(s) sur ${owed} complété(s) à temps`, en: `${forms.onTime} of ${owed} regulatory form(s) completed on time` },
    advice: points === max ? null : { fr: 'Remplissez les formulaires dès la prise de connaissance : le délai court depuis ce moment-là.', en: 'Fill in the forms from the moment of awareness: the deadline runs from then.' },
  };
}

function nothingPublished(id: CriterionId, max: number): Criterion {
  return {
    id, points: 0, max,
    figure: { fr: 'Rien n’a été publié', en: 'Nothing was published' },
    advice: { fr: 'Un exercice sans message ne montre rien de la qualité des messages : publiez.', en: 'A drill without a message shows nothing of the messages’ quality: publish.' },
  };
}
