import { lint, ruleIds, smsSegments, type Channel, type LintLanguage, type SocialNetwork } from '../linter/index.ts';
import { fillTemplate, type TemplateValues } from './fill.ts';
import type { Template } from './templates/index.ts';

/** Parts an incident SMS may take (the linter's too-long rule says the same). */
const smsMaxSegments = 2;
/** Subject length most mail clients show in full. */
const subjectMax = 60;

// Letters outside GSM-7 that have a plain twin in it: one of them turns an SMS into UCS-2 (70 a part).
const gsmTwins: Record<string, string> = {
  â: 'a', ê: 'e', ë: 'e', î: 'i', ï: 'i', ô: 'o', û: 'u', ç: 'c', œ: 'oe', Œ: 'OE',
  À: 'A', Â: 'A', È: 'E', Ê: 'E', Î: 'I', Ô: 'O', Û: 'U', '’': '\'', '‘': '\'', '“': '"', '”': '"', '«': '"', '»': '"', '–': '-', '—': '-', '…': '...',
  '\u00a0': ' ', '\u202f': ' ',
};

function toGsm(text: string): string {
  return [...text].map((c) => gsmTwins[c] ?? c).join('');
}

const OPTIONAL = / ?\{\{\s*\?\s*[a-z_]+\s*\}\}/g;
const onlyTooLong = Object.fromEntries(ruleIds.filter((id) => id !== 'too-long').map((id) => [id, 'off' as const]));

/** Whether a text fits its channel: SMS parts, a social network's limit, an e-mail subject's width. */
export function fitsChannel(draft: Template, channel: Channel, language: LintLanguage, network?: SocialNetwork): boolean {
  switch (channel) {
    case 'sms':
      return smsSegments(draft.body).segments <= smsMaxSegments;
    case 'social':
      return lint({ text: draft.body, language, stage: 'update', audience: 'customers', channel, network, rules: onlyTooLong }).length === 0;
    case 'email':
      return [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(draft.subject ?? '')].length <= subjectMax;
    case 'status_page':
    case 'chat':
    case 'support_script':
    case 'press':
      return true;
  }
}

/**
 * A variant's first text: the template filled from the fact sheet. When it does not fit its channel,
 * the affected services are named shorter, then a post or SMS drops its optional parts (key
 * messages), then an SMS trades letters outside GSM-7 for their plain twins.
 */
export function draftVariant(input: {
  template: Template;
  values: TemplateValues;
  /** The values to try when the full ones do not fit: a shorter list of services. */
  shortValues?: TemplateValues;
  language: LintLanguage;
  channel: Channel;
  network?: SocialNetwork;
}): Template {
  const { template, language, channel, network } = input;
  const fill = (values: TemplateValues): Template => ({
    subject: template.subject === null ? null : fillTemplate(template.subject, values, language),
    body: fillTemplate(template.body, values, language),
  });
  let draft = fill(input.values);
  if (fitsChannel(draft, channel, language, network)) return draft;
  const shorter = fill({ ...input.values, ...(input.shortValues ?? {}) });
  // An e-mail keeps its full body: only the subject has a width.
  draft = channel === 'email' ? { ...draft, subject: shorter.subject } : shorter;
  if (channel === 'email' || fitsChannel(draft, channel, language, network)) return draft;
  // A post or SMS that cannot be sent is worse than one without the optional parts.
  draft = { ...draft, body: fillTemplate(template.body.replace(OPTIONAL, ''), { ...input.values, ...(input.shortValues ?? {}) }, language) };
  if (channel === 'sms' && !fitsChannel(draft, channel, language, network)) draft = { ...draft, body: toGsm(draft.body) };
  return draft;
}
