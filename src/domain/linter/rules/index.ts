import type { Rule } from '../rule.ts';
import { alarmistLabel } from './alarmist-label.ts';
import { breachAdviceMissing } from './breach-advice-missing.ts';
import { breachConsequencesMissing } from './breach-consequences-missing.ts';
import { breachContactMissing } from './breach-contact-missing.ts';
import { breachMeasuresMissing } from './breach-measures-missing.ts';
import { breachMinimized } from './breach-minimized.ts';
import { closingActionsMissing } from './closing-actions-missing.ts';
import { closingApologyMissing } from './closing-apology-missing.ts';
import { closingCauseMissing } from './closing-cause-missing.ts';
import { closingOvertechnical } from './closing-overtechnical.ts';
import { contradiction } from './contradiction.ts';
import { jargon } from './jargon.ts';
import { keyMessageMissing } from './key-message-missing.ts';
import { readability } from './readability.ts';
import { tooLong } from './too-long.ts';
import { unconfirmedAsFact } from './unconfirmed-as-fact.ts';
import { arrogance } from './arrogance.ts';
import { blame } from './blame.ts';
import { closingSelfFlagellation } from './closing-self-flagellation.ts';
import { counterFire } from './counter-fire.ts';
import { globalization } from './globalization.ts';
import { legalese } from './legalese.ts';
import { minimizingLabel } from './minimizing-label.ts';
import { missingAction } from './missing-action.ts';
import { missingImpact } from './missing-impact.ts';
import { missingNextUpdate } from './missing-next-update.ts';
import { missingWhat } from './missing-what.ts';
import { noComment } from './no-comment.ts';
import { overPromise } from './over-promise.ts';
import { promoDuringIncident } from './promo-during-incident.ts';
import { resolutionEta } from './resolution-eta.ts';
import { vague } from './vague.ts';
import { victimization } from './victimization.ts';

/** Every rule, in the order findings are documented: structure, words, promises, sins, breach, consistency, closing, channel. */
export const allRules: readonly Rule[] = [
  missingWhat,
  missingImpact,
  missingAction,
  missingNextUpdate,
  resolutionEta,
  alarmistLabel,
  minimizingLabel,
  vague,
  jargon,
  legalese,
  readability,
  overPromise,
  unconfirmedAsFact,
  blame,
  noComment,
  arrogance,
  counterFire,
  globalization,
  victimization,
  breachAdviceMissing,
  breachMinimized,
  breachContactMissing,
  breachConsequencesMissing,
  breachMeasuresMissing,
  contradiction,
  keyMessageMissing,
  closingApologyMissing,
  closingCauseMissing,
  closingActionsMissing,
  closingOvertechnical,
  closingSelfFlagellation,
  tooLong,
  promoDuringIncident,
];
