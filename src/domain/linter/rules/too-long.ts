import type { LintContext } from '../context.ts';
import type { SocialNetwork } from '../types.ts';
import type { Example, Hit } from '../rule.ts';
import { nonGsmCharacters, smsLayout } from '../sms.ts';
import { codeRule, say } from './internal.ts';

/** Parts an incident SMS may take: beyond two, it costs more and may arrive out of order. */
export const SMS_MAX_SEGMENTS = 2;
/** Post limits per network (X and Mastodon count a link as 23 characters; Bluesky counts graphemes). */
export const SOCIAL_LIMITS: Record<SocialNetwork, number> = { x: 280, mastodon: 500, bluesky: 300, linkedin: 3000, facebook: 63206 };
/** Subject length most mail clients show in full, on a phone too. */
export const SUBJECT_MAX = 60;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const URL = /https?:\/\/\S+/g;

/** Its length as the network counts it, and where it passes `limit` (-1 when it fits). */
function overflowAt(text: string, limit: number, urlWeight: number | null): { at: number; length: number } {
  const urls: Array<[number, number]> = urlWeight === null ? [] : [...text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length]);
  let length = 0;
  let at = -1;
  for (const { index } of graphemes.segment(text)) {
    const url = urls.find(([s, e]) => index >= s && index < e);
    if (url && index !== url[0]) continue;
    length += url ? urlWeight! : 1;
    if (length > limit && at < 0) at = index;
  }
  return { at, length };
}

function smsHit(ctx: LintContext): Hit[] {
  const text = ctx.text.original;
  const layout = smsLayout(text);
  if (layout.segments <= SMS_MAX_SEGMENTS) return [];
  const culprits = layout.encoding === 'ucs2' ? nonGsmCharacters(text).slice(0, 5) : [];
  const why = culprits.length > 0 ? say(ctx, { fr: ` (UCS-2 à cause de ${culprits.map((c) => `« ${c} »`).join(' ')})`, en: ` (UCS-2 because of ${culprits.map((c) => `"${c}"`).join(' ')})` }) : '';
  return [
    {
      start: layout.segmentStarts[SMS_MAX_SEGMENTS]!,
      end: text.length,
      message: say(ctx, {
        fr: `Ce SMS prend ${layout.segments} segments${why} : au-delà de ${SMS_MAX_SEGMENTS}, il coûte plus cher et peut arriver dans le désordre. Raccourcissez ce qui dépasse.`,
        en: `This SMS takes ${layout.segments} segments${why}: beyond ${SMS_MAX_SEGMENTS} it costs more and may arrive out of order. Shorten what overflows.`,
      }),
    },
  ];
}

function socialHit(ctx: LintContext): Hit[] {
  const network = ctx.network ?? 'x';
  const limit = SOCIAL_LIMITS[network];
  const text = ctx.text.original;
  const { at, length } = overflowAt(text, limit, network === 'x' || network === 'mastodon' ? 23 : null);
  if (at < 0) return [];
  return [
    {
      start: at,
      end: text.length,
      message: say(ctx, {
        fr: `Ce post fait ${length} caractères pour une limite de ${limit} sur ${network}${ctx.network ? '' : ' (réseau non précisé : limite la plus stricte)'} : raccourcissez ce qui dépasse.`,
        en: `This post has ${length} characters for a limit of ${limit} on ${network}${ctx.network ? '' : ' (network not given: the strictest limit)'}: shorten what overflows.`,
      }),
    },
  ];
}

function subjectHit(ctx: LintContext): Hit[] {
  if (!ctx.subject) return [];
  const { at, length } = overflowAt(ctx.subject.original, SUBJECT_MAX, null);
  if (at < 0) return [];
  return [
    {
      start: at,
      end: ctx.subject.original.length,
      field: 'subject',
      message: say(ctx, {
        fr: `L'objet fait ${length} caractères : au-delà de ${SUBJECT_MAX}, la plupart des messageries le coupent. Mettez l'essentiel au début.`,
        en: `The subject has ${length} characters: beyond ${SUBJECT_MAX}, most mail clients cut it. Put the essentials first.`,
      }),
    },
  ];
}

/** An example with [[ ]] around what overflows, computed so the marker always sits where the limit falls. */
function overflowing(text: string, at: number): string {
  return `${text.slice(0, at)}[[${text.slice(at)}]]`;
}
const SMS_FR = 'Orange : depuis 15h10, appels et SMS impossibles sur tout le territoire. Nos équipes sont mobilisées. Prochain point à 19h. Infos : orange.fr/incident. '.repeat(3).trim();
const SMS_EN = 'Acme: since 3:10 pm, calls and texts fail nationwide. Our teams are on it. Next update at 7 pm. Details: acme.example/incident. '.repeat(4).trim();
const POST_FR = `Depuis 15 h 10, les appels et SMS ne passent plus pour nos clients mobiles, partout en France. ${'Nos équipes analysent la cause et rétablissent le service zone par zone. '.repeat(3)}Prochain point à 19 h.`;
const POST_EN = `Since 3:10 pm, calls and texts fail for our mobile customers across the country. ${'Our teams are analysing the cause and restoring the service area by area. '.repeat(3)}Next update at 7 pm.`;
const SUBJECT_FR = 'Incident du 10 mars : le paiement par carte est rétabli, voici ce qui s\'est passé';
const SUBJECT_EN = 'Incident of 10 March: card payments are back, here is what happened and what changes';

const examples = (sms: string, post: string, subject: string, shortSms: string, shortSubject: string): { bad: Example[]; good: Example[] } => ({
  bad: [
    { text: overflowing(sms, smsLayout(sms).segmentStarts[SMS_MAX_SEGMENTS]!), context: { channel: 'sms' } },
    { text: overflowing(post, overflowAt(post, SOCIAL_LIMITS.x, 23).at), context: { channel: 'social', network: 'x' } },
    { text: 'Bonjour,', context: { channel: 'email', subject: overflowing(subject, overflowAt(subject, SUBJECT_MAX, null).at) } },
  ],
  good: [
    { text: shortSms, context: { channel: 'sms' } },
    { text: post, context: { channel: 'social', network: 'mastodon' } },
    { text: 'Bonjour,', context: { channel: 'email', subject: shortSubject } },
  ],
});

export const tooLong = codeRule({
  id: 'too-long',
  category: 'channel',
  severity: 'warning',
  doctrine: '§5 — channels: each channel has its length',
  summary: {
    fr: `SMS de plus de ${SMS_MAX_SEGMENTS} segments (GSM-7 : 160 puis 153 par segment, UCS-2 : 70 puis 67), post au-delà de la limite du réseau, objet d'e-mail de plus de ${SUBJECT_MAX} caractères.`,
    en: `SMS over ${SMS_MAX_SEGMENTS} segments (GSM-7: 160 then 153 per segment, UCS-2: 70 then 67), a post over the network's limit, an e-mail subject over ${SUBJECT_MAX} characters.`,
  },
  appliesTo: (ctx) => ctx.channel === 'sms' || ctx.channel === 'social' || ctx.channel === 'email',
  check: (ctx) => {
    switch (ctx.channel) {
      case 'sms':
        return smsHit(ctx);
      case 'social':
        return socialHit(ctx);
      case 'email':
        return subjectHit(ctx);
      case 'status_page':
      case 'chat':
      case 'support_script':
      case 'press':
        return [];
    }
  },
  examples: {
    fr: examples(SMS_FR, POST_FR, SUBJECT_FR, 'Orange : depuis 15h10, appels et SMS impossibles. Équipes mobilisées. Prochain point à 19h.', 'Paiement par carte rétabli : ce qui s\'est passé'),
    en: examples(SMS_EN, POST_EN, SUBJECT_EN, 'Acme: since 3:10 pm, calls and texts fail. Teams on it. Next update 7 pm.', 'Card payments are back: what happened'),
  },
});
