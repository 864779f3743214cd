import type { Channel, LintLanguage, Stage } from '../../linter/index.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { StageTexts } from './types.ts';

export type { IncidentStage, StageTexts } from './types.ts';

/** A variant's starting text: `subject` is an e-mail's only. */
export interface Template {
  subject: string | null;
  body: string;
}

const texts: Record<LintLanguage, typeof fr> = { fr, en };
const emailFrame: Record<LintLanguage, string> = {
  fr: 'Bonjour,\n\n{{long}}\n\nL\'équipe {{company}}',
  en: 'Hello,\n\n{{long}}\n\nThe {{company}} team',
};

/** The built-in template of a slot; a maintenance notice has none here (it belongs to maintenances). */
export function builtInTemplate(stage: Stage, language: LintLanguage, channel: Channel): Template | undefined {
  if (stage === 'maintenance_notice') return undefined;
  const stageTexts: StageTexts = texts[language][stage];
  switch (channel) {
    case 'status_page':
    case 'chat':
    case 'press':
      return { subject: null, body: stageTexts.long };
    case 'email':
      return { subject: stageTexts.subject, body: (stageTexts.email ?? emailFrame[language]).replace('{{long}}', stageTexts.long) };
    case 'sms':
      // Doctrine §4 wants key messages everywhere, but an SMS has two parts: the linter spares it too.
      return { subject: null, body: stageTexts.short.replace(' {{?key_messages}}', '') };
    case 'social':
      return { subject: null, body: stageTexts.short };
    case 'support_script':
      return { subject: null, body: stageTexts.script };
  }
}
