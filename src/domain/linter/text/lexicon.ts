// Shared word lists, as LanguageTool's entities: regex sources over the normalised text
// (lowercase, ' for every apostrophe, - for every dash; a space in a pattern matches any spaces).

/** French negation before a hit: ne/n' … pas|plus|jamais…, or pas/aucun/sans alone. */
export const NEG_FR = String.raw`(?:(?<!\p{L})(?:ne |n')(?:[\p{L}'-]+ ){0,2}?(?:pas|plus|jamais|guère|aucunement|nullement|point)(?!\p{L})|(?<!\p{L})(?:pas|aucune?|sans|jamais|nullement)(?!\p{L}))`;
/** English negation before a hit. */
export const NEG_EN = String.raw`(?<!\p{L})(?:not|never|no longer|no|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|won't|cannot|can't|far from|nor|without|rather than|instead of)(?!\p{L})`;
/** What may stand between a negation and the word it negates: a few words, no clause break. */
export const NEG_GAP = String.raw`(?:(?!mais |but )[^.!?;,:\n]){0,40}?`;

/** Placeholder an antipattern uses for the pack's own patterns. */
export const HIT = '{hit}';

export const TIME_FR = String.raw`(?:\d{1,2} ?(?:h|heures?)(?: ?\d{2})?(?!\p{L})|\d{1,2}:\d{2}|midi|minuit)`;
export const TIME_EN = String.raw`(?:\d{1,2}(?::\d{2})? ?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}(?: ?(?:utc|gmt|cet|cest|bst|et|pt))?|noon|midnight)`;

/** A point in time or a delay: "à 16 h 30", "dans une heure", "d'ici ce soir". */
export const WHEN_FR = String.raw`(?:(?:dans|d'ici|sous) (?:une? |\d+ |deux |trois |quatre |quelques |la prochaine |les prochaines |une demi-)?(?:heures?|h|minutes?|min|jours?|demi-heure)(?!\p{L})|(?:d'ici |avant |pour )?(?:ce soir|cette nuit|demain(?: matin| midi| soir)?|la fin de (?:la )?(?:journée|matinée|soirée|semaine)|ce (?:matin|midi|week-end)|cet après-midi|dans la (?:journée|soirée|nuit|matinée))|${TIME_FR})`;
export const WHEN_EN = String.raw`(?:(?:in|within|over) (?:the next |the |an? |one |two |three |four |\d+ |a few |half an? )?(?:hours?|minutes?|mins?|days?|hrs?)(?!\p{L})|(?:by |before )?(?:tonight|tomorrow(?: morning| afternoon| evening)?|(?:the )?end of (?:the )?(?:day|week)|this (?:evening|afternoon|morning)|later today|overnight)|${TIME_EN})`;

/** Words that mark a statement as a hypothesis. */
export const HEDGE_FR = String.raw`(?:peut-être|possible(?:ment)?|pourrai(?:t|ent)|semble(?:rai(?:t|ent))?|semblent|hypothèses?|pistes?|probable(?:ment)?|vraisemblablement|vérifions|vérifie|examinons|cherchons à (?:savoir|déterminer|confirmer)|pas encore confirmée?s?|non confirmée?s?|à confirmer|n'excluons pas|envisag(?:eons|ée?s?)|supposée?s?|présumée?s?|serait|seraient|aurait|auraient|suspect(?:ons|ée?s?)|soupçon)`;
export const HEDGE_EN = String.raw`(?:may|might|could|possibl[ey]|perhaps|appears?|seems?|likely|suspect(?:ed|s)?|hypothes[ie]s|not (?:yet )?confirmed|unconfirmed|to be confirmed|whether|one lead|leads?|potential(?:ly)?|investigating if|presumed|suspicion)`;

/** People a message may say are affected. */
export const PEOPLE_FR = String.raw`(?:clients?|clientes?|utilisateurs?|utilisatrices?|abonnés?|abonnées?|usagers?|personnes?|comptes?|membres?|titulaires?|adhérents?|patients?|salariés?|collaborateurs?|commerçants?|voyageurs?|entreprises?|particuliers?|professionnels?|foyers?|porteurs?)`;
export const PEOPLE_EN = String.raw`(?:customers?|clients?|users?|people|persons?|accounts?|subscribers?|members?|account holders?|patients?|employees?|individuals?|merchants?|travell?ers?|businesses|households?|cardholders?|passengers?|staff)`;
export const RECORDS_FR = String.raw`(?:enregistrements?|lignes?|fiches?|dossiers?)`;
export const RECORDS_EN = String.raw`(?:records?|rows?|files?|entries)`;
