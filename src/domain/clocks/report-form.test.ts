import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompleteness, formatTime, prefillAnswers, renderReportMarkdown, type ReportFacts, type ReportForm } from './report-form.ts';
import { reports } from './reports.ts';
import type { ContentItem } from './regulatory.ts';

const nothing: ReportFacts = {
  language: 'en',
  timeZone: 'Europe/Paris',
  workspaceName: 'Acme Cloud',
  incident: { id: 'inc000000001', name: 'Customer records exposed', impact: 'major', occurredAt: null, detectedAt: null, recoveredAt: null, resolvedAt: null },
  known: [],
  unconfirmed: [],
  keyMessages: [],
  figures: {},
  components: [],
  referent: null,
  risk: null,
  riskRationale: null,
  isPersonalDataBreach: true,
  submissions: [],
};
const facts = (more: Partial<ReportFacts>): ReportFacts => ({ ...nothing, ...more });
const breach = facts({
  known: ['The customer table was exported through a leaked API key.', 'The key was revoked and every session reset.'],
  unconfirmed: ['The billing database was reached too.'],
  keyMessages: [{ text: 'Nous avons bloqué l\'accès compromis.', language: 'fr' }, { text: 'We deployed a fix to the export endpoint.', language: 'en' }],
  figures: { affectedPeople: 40_000, records: 1_200_000 },
  components: ['Customer portal', 'API'],
  referent: { name: 'Jeanne Martin', email: 'jeanne@acme.test' },
  risk: 'high',
  riskRationale: 'Names, e-mails and postal addresses: phishing is likely.',
});

describe('prefilling a report form from the facts', () => {
  it('fills the GDPR notification with what the fact sheet says, and nothing more', () => {
    const answers = prefillAnswers('gdpr.authority', breach);
    assert.deepEqual(answers, {
      breach_nature: '- The customer table was exported through a leaked API key.\n- The key was revoked and every session reset.\n- (unconfirmed) The billing database was reached too.',
      data_subjects_approx: '40,000',
      records_approx: '1,200,000',
      contact_point: 'Jeanne Martin (jeanne@acme.test)',
      likely_consequences: 'Assessed risk level: high risk. Names, e-mails and postal addresses: phishing is likely.',
      measures: '- The key was revoked and every session reset.\n- We deployed a fix to the export endpoint.',
      submission_phase: 'Initial notification',
    });
  });

  it('never writes a hypothesis as known: each one carries its mark, in the form\'s language', () => {
    for (const language of ['en', 'fr'] as const) {
      const mark = language === 'fr' ? '(non confirmé)' : '(unconfirmed)';
      for (const id of ['gdpr.authority', 'nis2.final', 'dora.initial', 'fr.anssi'] as const) {
        const text = Object.values(prefillAnswers(id, { ...breach, language })).join('\n');
        const mentions = text.split('\n').filter((line) => line.includes('billing database'));
        assert.ok(mentions.length > 0, `${id} describes the incident`);
        for (const line of mentions) assert.ok(line.includes(`${mark} The billing database`), `${id} (${language}): ${line}`);
      }
    }
  });

  it('leaves every item empty when the sheet is empty, except what Tocsin itself records', () => {
    assert.deepEqual(prefillAnswers('gdpr.authority', nothing), { submission_phase: 'Initial notification' });
    assert.deepEqual(prefillAnswers('nis2.early_warning', nothing), {});
    assert.deepEqual(prefillAnswers('dora.initial', nothing), { submission_type: 'Initial', submitting_entity: 'Acme Cloud', incident_reference: 'inc000000001' });
  });

  it('writes numbers, times and labels in the form\'s language and the workspace\'s time zone', () => {
    const french = prefillAnswers('eprivacy.initial', { ...breach, language: 'fr', incident: { ...breach.incident, occurredAt: new Date('2027-05-03T22:30:00Z'), detectedAt: new Date('2027-05-04T08:00:00Z') } });
    assert.equal(french.incident_times, '- Survenance\u00a0: 4 mai 2027 à 00:30 (Europe/Paris)\n- Détection\u00a0: 4 mai 2027 à 10:00 (Europe/Paris)');
    assert.equal(french.provider, 'Acme Cloud — contact\u00a0: Jeanne Martin (jeanne@acme.test)');
    assert.equal(french.measures, '- The key was revoked and every session reset.\n- Nous avons bloqué l\'accès compromis.', 'key messages in the form\'s language only');
    assert.equal(prefillAnswers('eprivacy.second', { ...breach, language: 'fr' }).subscribers_approx, '40\u00a0000');
    assert.equal(prefillAnswers('nis2.notification', breach).initial_assessment, '- Impact: major\n- Affected services: Customer portal, API\n- People affected: 40,000\n- Records: 1,200,000');
  });

  it('takes a follow-up\'s previous submission and the authority\'s reference from the reports filed', () => {
    const filed = facts({ submissions: [{ report: 'gdpr.authority', submittedAt: new Date('2027-05-05T07:00:00Z'), authorityRef: 'CNIL-42' }, { report: 'dora.initial', submittedAt: new Date('2027-05-05T07:00:00Z'), authorityRef: 'ACPR-7' }] });
    assert.equal(prefillAnswers('gdpr.authority', filed).submission_phase, 'Follow-up to the notification of 5 May 2027, 09:00 (Europe/Paris) (reference CNIL-42)');
    assert.equal(prefillAnswers('dora.intermediate', filed).authority_reference, 'ACPR-7');
  });

  it('fills only the items of the report asked for', () => {
    for (const id of ['gdpr.authority', 'gdpr.data_subjects', 'nis2.early_warning', 'dora.final', 'fr.health'] as const) {
      const keys = new Set(reports[id].content.map((item) => item.key));
      for (const key of Object.keys(prefillAnswers(id, breach))) assert.ok(keys.has(key), `${key} is an item of ${id}`);
    }
  });
});

describe('the completeness of a form', () => {
  const content: ContentItem[] = [
    { key: 'a', en: 'A', fr: 'A', isMandatory: true },
    { key: 'b', en: 'B', fr: 'B', isMandatory: true },
    { key: 'c', en: 'C', fr: 'C', isMandatory: false },
  ];
  const cases: Array<[string, Record<string, string>, { complete: boolean; missing: string[]; optionalMissing: string[] }]> = [
    ['nothing answered', {}, { complete: false, missing: ['a', 'b'], optionalMissing: ['c'] }],
    ['a blank answer is no answer', { a: '  \n', b: 'yes' }, { complete: false, missing: ['a'], optionalMissing: ['c'] }],
    ['every mandatory item answered, the optional one left', { b: 'yes', a: 'no' }, { complete: true, missing: [], optionalMissing: ['c'] }],
    ['everything answered; unknown keys change nothing', { a: '1', b: '2', c: '3', z: '' }, { complete: true, missing: [], optionalMissing: [] }],
  ];
  for (const [name, answers, expected] of cases) it(name, () => assert.deepEqual(checkCompleteness(content, answers), expected));
});

describe('a report as Markdown', () => {
  const form: ReportForm = {
    deadline: { id: 'gdpr.authority', rule: reports['gdpr.authority'].rule, dueAt: new Date('2027-05-07T09:00:00Z'), undueDelay: false, content: reports['gdpr.authority'].content },
    incidentName: 'Customer *records* exposed',
    workspaceName: 'Acme Cloud',
    timeZone: 'Europe/Paris',
    answers: { breach_nature: 'Export of the customer table.', data_subjects_approx: '40 000', measures: ' ' },
  };

  it('in French: title, recipient, due time in the workspace\'s zone, rule, items, empty ones flagged, the disclaimer', () => {
    const text = renderReportMarkdown(form, 'fr');
    assert.ok(text.startsWith('# Notification de violation de données personnelles\n\n'));
    assert.ok(text.includes('- **Incident\u00a0:** Customer \\*records\\* exposed'), 'a name is text, not emphasis');
    assert.ok(text.includes('- **Destinataire\u00a0:** Autorité de contrôle (CNIL)'));
    assert.ok(text.includes('- **Échéance\u00a0:** 7 mai 2027 à 11:00 (Europe/Paris)'));
    assert.ok(text.includes('- **Règle\u00a0:** GDPR Art. 33(1)'));
    assert.ok(text.includes('## Nature de la violation, y compris catégories de personnes et d\'enregistrements\n\nExport of the customer table.'));
    assert.ok(text.includes('## Mesures prises ou envisagées, y compris pour en atténuer les effets\n\n**À compléter**'), 'a blank answer is flagged');
    assert.ok(text.includes('## Données sensibles concernées (facultatif)\n\n*Non renseigné*'));
    assert.ok(text.trimEnd().endsWith('vérifiez le formulaire de l\'autorité avant de déposer.*'));
  });

  it('in English, with a duty that sets no hours', () => {
    const text = renderReportMarkdown({ ...form, deadline: { ...form.deadline, dueAt: null, undueDelay: true } }, 'en');
    assert.ok(text.startsWith('# Personal data breach notification\n\n'));
    assert.ok(text.includes('- **Due:** Without undue delay (the text sets no hours)'));
    assert.ok(text.includes('## Likely consequences\n\n**To be completed**'));
    assert.ok(text.includes('## Approximate number of data subjects\n\n40 000'));
    assert.ok(text.includes('This document is not legal advice.'));
    assert.ok(!/[àéè]/.test(text), 'no French labels');
  });

  it('prints times on the local clock across a DST change', () => {
    assert.equal(formatTime(new Date('2027-03-28T00:30:00Z'), 'Europe/Paris', 'en'), '28 March 2027, 01:30 (Europe/Paris)');
    assert.equal(formatTime(new Date('2027-03-28T01:30:00Z'), 'Europe/Paris', 'fr'), '28 mars 2027 à 03:30 (Europe/Paris)');
  });
});
