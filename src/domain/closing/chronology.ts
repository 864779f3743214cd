import type { IncidentStatus } from '../incident/lifecycle.ts';
import type { LintLanguage } from '../linter/index.ts';
import { formatClock, formatMoment } from '../message/format.ts';

type Language = LintLanguage;

/** The timeline's events a closing tells (src/domain/incident/timeline.ts), oldest first or not. */
export interface ChronologyEvent {
  at: string;
  kind: string;
  status?: IncidentStatus;
}

export interface ChronologyLine {
  at: string;
  text: string;
}

const words: Record<'detected' | 'occurred' | 'first_public' | IncidentStatus, Record<Language, string>> = {
  occurred: { en: 'the problem began', fr: 'le problème a commencé' },
  detected: { en: 'we detected the problem', fr: 'nous avons détecté le problème' },
  first_public: { en: 'we informed you on our status page', fr: 'nous vous avons informés sur notre page d\'état' },
  investigating: { en: 'we were still looking for the cause', fr: 'nous cherchions encore la cause' },
  identified: { en: 'we found the cause', fr: 'nous avons trouvé la cause' },
  monitoring: { en: 'a correction was in place and we kept watch on the service', fr: 'une correction était en place et nous avons surveillé le service' },
  resolved: { en: 'the service was working normally again', fr: 'le service fonctionnait de nouveau normalement' },
  postmortem: { en: 'we published our review of the incident', fr: 'nous avons publié notre bilan de l\'incident' },
};

/**
 * The short chronology of a closing (doctrine §8), in plain words and the workspace's zone: when the
 * problem was detected, the first public message, the updates that moved the incident on (every
 * public update for a technical audience), and the resolution. Times after the first day carry their date.
 */
export function chronology(events: readonly ChronologyEvent[], { language, timeZone, isLay }: { language: Language; timeZone: string; isLay: boolean }): ChronologyLine[] {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const picked: Array<{ at: string; key: keyof typeof words }> = [];
  const detected = sorted.find((e) => e.kind === 'detected') ?? sorted.find((e) => e.kind === 'occurred');
  if (detected) picked.push({ at: detected.at, key: detected.kind === 'detected' ? 'detected' : 'occurred' });
  const firstPublic = sorted.find((e) => e.kind === 'first_public');
  if (firstPublic) picked.push({ at: firstPublic.at, key: 'first_public' });
  const seen = new Set<IncidentStatus>();
  for (const event of sorted) {
    if (event.kind !== 'update' || !event.status || event.status === 'resolved' || event.status === 'postmortem') continue;
    if (event.at === firstPublic?.at) {
      seen.add(event.status);
      continue;
    }
    // A lay reader needs the steps that moved things on; a technical one gets every update.
    if (isLay && (seen.has(event.status) || event.status === 'investigating')) continue;
    seen.add(event.status);
    picked.push({ at: event.at, key: event.status });
  }
  const resolved = sorted.find((e) => e.kind === 'resolved');
  if (resolved) picked.push({ at: resolved.at, key: 'resolved' });

  const first = picked[0] ? new Date(picked[0].at) : null;
  return picked.map(({ at, key }) => {
    const when = new Date(at);
    const time = first ? formatMoment(when, language, timeZone, first) : formatClock(when, language, timeZone);
    return { at, text: `${time}${language === 'fr' ? ' : ' : ': '}${words[key][language]}.` };
  });
}
