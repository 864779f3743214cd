import type { LintContext } from '../context.ts';
import type { GlossaryEntry, LintLanguage } from '../types.ts';
import { compilePack, runPack, type CompiledPack } from '../pack.ts';
import { normalize } from '../text/normalize.ts';
import { codeRule } from './internal.ts';

/** Built-in technical words, reported to lay audiences only; a plain word where one exists. */
export const JARGON: Record<LintLanguage, CompiledPack> = {
  fr: compilePack('jargon', 'fr', {
    patterns: [
      { pattern: 'rollbacks?|roll-?back', suggestion: 'retour à la version précédente' },
      { pattern: 'hotfix(?:es)?|patchs?', suggestion: 'correctif' },
      { pattern: 'downtime', suggestion: 'interruption' },
      { pattern: 'time-?outs?', suggestion: 'délai dépassé' },
      { pattern: 'latence', suggestion: 'lenteur' },
      { pattern: 'failover|fail-over', suggestion: 'bascule sur le système de secours' },
      { pattern: 'ddos|déni de service distribué', suggestion: 'attaque par saturation' },
      { pattern: 'backend|back-end|back-office', suggestion: 'nos serveurs' },
      { pattern: 'post-?mortem', suggestion: 'bilan de l\'incident' },
      { pattern: 'reboot', suggestion: 'redémarrage' },
      { pattern: 'certificats? (?:ssl|tls)', suggestion: 'certificat de sécurité' },
      { pattern: 'sla', suggestion: 'engagement de service' },
      { pattern: 'mep|mise en prod', suggestion: 'mise à jour' },
      String.raw`dns|bgp|cdn|ssl|tls|kubernetes|k8s|clusters?|load-?balancers?|répartiteurs? de charge|hyperviseurs?|deadlock|race condition|split-brain|backbone|peering|sev-?[0-4]|mttr|rca|oom|cpu|iops|nginx|haproxy|postgres(?:ql)?|redis|kafka|pods?|réplicas?|replicas?`,
      { pattern: 'api', severity: 'info' },
    ],
    message: '« {hit} » est un terme technique pour ce public : écrivez plutôt « {suggestion} ».',
    messageWithoutSuggestion: '« {hit} » est un terme technique pour ce public : décrivez plutôt l\'effet pour l\'utilisateur, ou expliquez-le.',
    examples: {
      bad: ['Un [[rollback]] est en cours sur le service de paiement.', 'Le [[DNS]] de notre site ne répond plus.'],
      good: [
        'Nous revenons à la version précédente du service de paiement.',
        { text: 'Le DNS de notre site ne répond plus.', context: { audience: 'technical_customers' } },
        { text: 'Notre API de paiement répond en erreur.', context: { audience: 'partners', glossary: [{ term: 'API', plain: 'interface', language: 'fr', audiences: ['customers'] }] } },
        'Consultez https://status.example.com/dns-incident pour le détail.',
      ],
    },
  }),
  en: compilePack('jargon', 'en', {
    patterns: [
      { pattern: 'rollbacks?|roll-?back|rolled back', suggestion: 'return to the previous version' },
      { pattern: 'hotfix(?:es)?', suggestion: 'fix' },
      { pattern: 'latency', suggestion: 'slowness' },
      { pattern: 'time-?outs?', suggestion: 'requests taking too long' },
      { pattern: 'failover|fail-over', suggestion: 'switch to our backup systems' },
      { pattern: 'ddos', suggestion: 'traffic-flooding attack' },
      { pattern: 'backend|back-end', suggestion: 'our servers' },
      { pattern: 'post-?mortem', suggestion: 'incident review' },
      { pattern: '(?:ssl|tls) certificates?', suggestion: 'security certificate' },
      { pattern: 'sla', suggestion: 'service commitment' },
      { pattern: 'upstream provider', suggestion: 'provider' },
      String.raw`dns|bgp|cdn|ssl|tls|kubernetes|k8s|clusters?|load-?balancers?|hypervisors?|deadlocks?|race conditions?|split-brain|backbone|peering|sev-?[0-4]|mttr|rca|oom|cpu|iops|nginx|haproxy|postgres(?:ql)?|redis|kafka|pods?|replicas?|5xx(?: errors?)?`,
      { pattern: 'api', severity: 'info' },
    ],
    message: '"{hit}" is a technical term for this audience: write "{suggestion}" instead.',
    messageWithoutSuggestion: '"{hit}" is a technical term for this audience: describe the effect for users instead, or explain it.',
    examples: {
      bad: ['A [[rollback]] is under way on the payment service.', 'Our website\'s [[DNS]] is not responding.'],
      good: [
        'We are returning the payment service to its previous version.',
        { text: 'Our website\'s DNS is not responding.', context: { audience: 'technical_customers' } },
        { text: 'Our payment API is returning errors.', context: { audience: 'partners', glossary: [{ term: 'API', plain: 'interface', language: 'en', audiences: ['customers'] }] } },
        'See https://status.example.com/dns-incident for details.',
      ],
    },
  }),
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const glossaryPacks = new WeakMap<GlossaryEntry[], Map<string, CompiledPack | null>>();

/** The glossary entries that apply to this audience: those listing it, or listing none when it is lay. */
function glossaryPack(ctx: LintContext): CompiledPack | null {
  const key = `${ctx.language}:${ctx.audience}:${ctx.isLay}`;
  let cache = glossaryPacks.get(ctx.glossary);
  if (!cache) glossaryPacks.set(ctx.glossary, (cache = new Map()));
  if (cache.has(key)) return cache.get(key)!;
  const entries = ctx.glossary.filter(
    (e) => e && e.language === ctx.language && typeof e.term === 'string' && e.term.trim() !== '' && (Array.isArray(e.audiences) ? e.audiences.includes(ctx.audience) : ctx.isLay),
  );
  const pack =
    entries.length === 0
      ? null
      : compilePack('jargon', ctx.language, {
          patterns: entries.map((e) => ({ pattern: escape(normalize(e.term.trim()).norm), suggestion: String(e.plain ?? '').replace(/\$/g, '$$$$') })),
          message: JARGON[ctx.language].message,
          examples: { bad: ['[[x]]'], good: ['x'] },
        });
  cache.set(key, pack);
  return pack;
}

/** Terms the glossary scopes to other audiences: accepted for this one (linter-anchors §2, control 3). */
function acceptedTerms(ctx: LintContext): Set<string> {
  return new Set(
    ctx.glossary
      .filter((e) => e && e.language === ctx.language && typeof e.term === 'string' && Array.isArray(e.audiences) && !e.audiences.includes(ctx.audience))
      .map((e) => normalize(e.term.trim()).norm),
  );
}

export const jargon = codeRule({
  id: 'jargon',
  category: 'words',
  severity: 'warning',
  doctrine: '§2 — fit the audience (OVH\'s diagrams were opaque to non-experts)',
  summary: {
    fr: 'Termes techniques dans un message à un public non technique ; le glossaire de l\'espace de travail donne les mots simples et les publics concernés.',
    en: 'Technical terms in a message to a lay audience; the workspace glossary gives the plain words and the audiences concerned.',
  },
  check: (ctx) => {
    const fields = ctx.subject ? [ctx.text, ctx.subject] : [ctx.text];
    const accepted = acceptedTerms(ctx);
    const custom = glossaryPack(ctx);
    return fields.flatMap((field) => [
      ...(custom ? runPack(custom, field) : []),
      ...(ctx.isLay ? runPack(JARGON[ctx.language], field, { accepted }) : []),
    ]);
  },
  examples: { fr: JARGON.fr.examples, en: JARGON.en.examples },
});
