import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, smsSegments, type LintFacts, type LintLanguage } from '../linter/index.ts';
import { draftVariant } from './draft.ts';
import type { TemplateValues } from './fill.ts';
import { channels, incidentStages, statusOnPublish } from './stages.ts';
import { builtInTemplate } from './templates/index.ts';
import { templateValues, type FillFacts } from './values.ts';

const now = new Date('2026-03-10T15:00:00Z');
const facts: FillFacts = {
  company: 'Acme Cloud',
  incidentName: 'Paiements refusés',
  timeZone: 'Europe/Paris',
  components: ['Paiement par carte', 'Espace client'],
  startedAt: new Date('2026-03-10T14:10:00Z'),
  resolvedAt: null,
  nextUpdateAt: new Date('2026-03-10T15:30:00Z'),
  known: [
    { text: 'Les paiements par carte sont refusés pour une partie de nos clients', language: 'fr' },
    { text: 'Card payments are declined for some of our customers', language: 'en' },
  ],
  affectedPeople: 40000,
  regions: ['Lyon', 'Marseille'],
  keyMessages: [],
  referent: 'Claire Martin',
  statusPageUrl: 'https://status.acme.test',
  rumor: { text: 'Acme a été piraté', correction: null },
};
/** What an author writes in the slots no fact fills (cause, measures, contact…). */
const written: Record<LintLanguage, TemplateValues> = {
  fr: {
    cause: 'Une mise à jour de notre logiciel de paiement contenait une erreur.',
    corrective_actions: 'Nous avons ajouté un test automatique avant chaque mise à jour.',
    measures: 'Nous avons fermé l\'accès en cause et notifié la CNIL.',
    data_kinds: 'nom, adresse e-mail et numéro de téléphone',
    contact: 'dpo@acme.test',
    compensation: 'un mois d\'abonnement offert.',
    correction: 'Acme n\'a pas été piraté.',
  },
  en: {
    cause: 'An update to our payment software contained an error.',
    corrective_actions: 'We have added an automatic test before each update.',
    measures: 'We have closed the access used and notified the ICO.',
    data_kinds: 'name, e-mail address and phone number',
    contact: 'dpo@acme.test',
    compensation: 'one month free.',
    correction: 'Acme was not hacked.',
  },
};

function lintFacts(stage: (typeof incidentStages)[number], keyMessages: LintFacts['keyMessages']): LintFacts {
  const status = statusOnPublish(stage, 'investigating');
  return {
    incidentOpen: status !== 'resolved' && status !== 'postmortem',
    personalDataBreach: stage === 'breach_notice',
    figures: { affectedPeople: facts.affectedPeople, regions: [...(facts.regions ?? [])] },
    startedAt: facts.startedAt!.toISOString(),
    status: status === 'postmortem' ? 'resolved' : status,
    affectedComponents: [...facts.components],
    unconfirmed: ['Une mise à jour du prestataire serait en cause', 'A supplier update may be the cause'],
    keyMessages,
    timeZone: facts.timeZone,
  };
}

function drafted(stage: (typeof incidentStages)[number], language: LintLanguage, channel: (typeof channels)[number], withFacts: FillFacts = facts) {
  const template = builtInTemplate(stage, language, channel);
  assert.ok(template, `${stage} ${language} ${channel}`);
  const { values, short } = templateValues(withFacts, language, now);
  return draftVariant({ template, values: { ...values, ...written[language] }, shortValues: short, language, channel, network: channel === 'social' ? 'x' : undefined });
}

describe('built-in templates', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`every incident stage has a template for every channel in ${language}, filled without a {{ left`, () => {
      for (const stage of incidentStages) {
        for (const channel of channels) {
          const draft = drafted(stage, language, channel);
          assert.ok(!draft.body.includes('{{') && !(draft.subject ?? '').includes('{{'), `${stage} ${channel}: ${draft.body}`);
          assert.equal(draft.subject === null, channel !== 'email');
        }
      }
    });

    it(`filled from a complete fact sheet, they pass the linter in ${language}: no error, no warning`, () => {
      for (const stage of incidentStages) {
        for (const channel of channels) {
          const draft = drafted(stage, language, channel);
          const findings = lint({ text: draft.body, subject: draft.subject ?? undefined, language, stage, audience: 'customers', channel, network: channel === 'social' ? 'x' : undefined, facts: lintFacts(stage, []) });
          assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`), [], `${stage} ${channel}:\n${draft.subject ?? ''}\n${draft.body}`);
        }
      }
    });

    it(`they carry the key messages wherever the linter expects them, in ${language}`, () => {
      const keyMessages = [
        { text: 'La panne est d\'origine logicielle, pas un manque de capacité', language: 'fr' as const },
        { text: 'The outage is caused by software, not by a lack of capacity', language: 'en' as const },
      ];
      for (const stage of incidentStages) {
        for (const channel of channels.filter((c) => c !== 'social')) {
          const draft = drafted(stage, language, channel, { ...facts, keyMessages });
          const findings = lint({ text: draft.body, subject: draft.subject ?? undefined, language, stage, audience: 'customers', channel, facts: lintFacts(stage, keyMessages) });
          assert.deepEqual(findings.filter((f) => f.rule === 'key-message-missing'), [], `${stage} ${channel}: ${draft.body}`);
        }
      }
    });
  }

  it('an SMS keeps to two parts even with many services named with letters outside GSM-7', () => {
    const crowded: FillFacts = { ...facts, components: ['Boîte mail', 'Hébergement mutualisé', 'Noms de domaine', 'Serveurs dédiés', 'Téléphonie', 'Console d\'administration'] };
    for (const language of ['fr', 'en'] as const) {
      for (const stage of incidentStages) {
        const draft = drafted(stage, language, 'sms', crowded);
        assert.ok(smsSegments(draft.body).segments <= 2, `${stage} ${language}: ${smsSegments(draft.body).segments} parts: ${draft.body}`);
      }
    }
    assert.match(drafted('first', 'fr', 'sms', crowded).body, /Boite mail et 5 autres services/);
  });

  it('an e-mail subject names the services shorter when they do not fit, the body keeps them all', () => {
    const crowded: FillFacts = { ...facts, components: ['Hébergement mutualisé', 'Noms de domaine', 'Serveurs dédiés'] };
    const draft = drafted('first', 'fr', 'email', crowded);
    assert.equal(draft.subject, 'Incident en cours : Hébergement mutualisé et 2 autres services');
    assert.match(draft.body, /Hébergement mutualisé, Noms de domaine et Serveurs dédiés/);
  });
});
