import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { createHarness, type Harness } from '../helpers/harness.ts';

/** The text a PDF draws: every content stream inflated, the strings of its TJ operators joined. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const shown: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated stream (fonts are built in: there are none)
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ/g)) shown.push([...op[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''));
  }
  return shown.join(' ').replace(/\s+/g, ' ');
}

describe('regulatory report forms through the admin API', () => {
  let h: Harness;
  let incidentId: string;
  const referent = 'comms_lead person (comms_lead@acme.test)';
  const leak = 'The customer table was exported through a leaked API key.';
  const revoked = 'The leaked API key was revoked at 10:40 and every session was reset.';
  const hypothesis = 'The attacker may also have reached the billing database.';

  before(async () => {
    h = await createHarness();
    // Tuesday 4 May 2027, 11:30 in Paris.
    h.clock.set('2027-05-04T09:30:00Z');
    const profile = await h.request('PATCH', '/api/admin/settings/regulatory', { token: h.tokens.reviewer, body: { gdpr_roles: ['controller'], nis2: 'essential', dora_financial_entity: true } });
    assert.equal(profile.status, 200, JSON.stringify(profile.body));
    const component = await h.request('POST', '/api/admin/components', { body: { name: 'Customer portal' } });
    const lead = h.ctxAs('comms_lead').actor;
    const referentId = lead.type === 'user' ? lead.id : null;
    const incident = await h.request('POST', '/api/admin/incidents', {
      token: h.tokens.incident_lead,
      body: { name: 'Customer records exposed', impact: 'major', body: 'We are investigating.', detected_at: '2027-05-04T08:00:00Z', deliver_notifications: false, component_ids: [component.body.id], referent_id: referentId },
    });
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    incidentId = incident.body.id;
    const facts = (body: object) => h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body });
    assert.equal((await h.request('PATCH', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.comms_lead, body: { personal_data_breach: true } })).status, 200);
    for (const entry of [
      { kind: 'known', text: leak, source: 'security team', figures: { affected_people: 40_000, records: 120_000 } },
      { kind: 'known', text: revoked, source: 'security team' },
      { kind: 'unconfirmed', text: hypothesis, source: 'forensics' },
      { kind: 'key_message', text: 'Passwords are stored hashed and were not exposed.', language: 'en' },
    ]) assert.equal((await facts(entry)).status, 201);
    const stamps = await h.request('PATCH', `/api/admin/incidents/${incidentId}/regulatory`, {
      token: h.tokens.reviewer,
      body: { aware_at_gdpr: '2027-05-04T09:00:00Z', aware_significant_at: '2027-05-04T09:00:00Z', classified_major_at: '2027-05-04T09:15:00Z', reason: 'Export confirmed by the security team' },
    });
    assert.equal(stamps.status, 200, JSON.stringify(stamps.body));
  });
  after(async () => h?.close());

  const path = (report: string, rest = '') => `/api/admin/incidents/${incidentId}/regulatory/reports/${report}${rest}`;
  const form = (report: string, lang = 'en', token = h.tokens.reviewer) => h.request('GET', path(report, `?lang=${lang}`), { token });
  const save = (report: string, answers: object, headers: Record<string, string> = {}) => h.request('PATCH', path(report, '?lang=en'), { token: h.tokens.reviewer, body: { answers }, headers });
  const exported = async (report: string, format: string, lang: string) => {
    const response = await h.app.request(path(report, `/export?format=${format}&lang=${lang}`), { headers: { authorization: `Bearer ${h.tokens.reviewer}` } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('the GDPR notification is prefilled from the fact sheet, and a hypothesis is never written as a known fact', async () => {
    const res = await form('gdpr.authority');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.headers.get('etag'), '"0"');
    const { answers } = res.body;
    assert.deepEqual(answers.data_subjects_approx, { text: '40,000', source: 'prefilled' });
    assert.deepEqual(answers.records_approx, { text: '120,000', source: 'prefilled' });
    assert.deepEqual(answers.contact_point, { text: referent, source: 'prefilled' });
    assert.ok(answers.breach_nature.text.includes(leak));
    const hypothesisLines = answers.breach_nature.text.split('\n').filter((line: string) => line.includes(hypothesis));
    assert.deepEqual(hypothesisLines, [`- (unconfirmed) ${hypothesis}`], 'the hypothesis appears once, marked unconfirmed');
    assert.equal(answers.measures.text, revoked, 'only the fact that names a measure');
    assert.equal(answers.likely_consequences, undefined, 'nothing on the sheet says what the consequences are');
    assert.deepEqual(res.body.completeness.missing, ['likely_consequences']);
    assert.equal(res.body.completeness.complete, false);
    assert.deepEqual([res.body.name.fr, res.body.recipient.en, res.body.due_at], ['Notification de violation de données personnelles', 'Supervisory authority (CNIL)', '2027-05-07T09:00:00.000Z']);

    const french = (await form('gdpr.authority', 'fr')).body.answers;
    assert.equal(french.data_subjects_approx.text, '40\u00a0000');
    assert.ok(french.breach_nature.text.includes(`- (non confirmé) ${hypothesis}`));
  });

  it('a form is complete once its missing items are saved; saved answers win over the prefill until cleared', async () => {
    const saved = await save('gdpr.authority', { likely_consequences: 'Targeted phishing of the customers whose e-mails were taken.' }, { 'if-match': '"0"' });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.headers.get('etag'), '"1"');
    assert.deepEqual([saved.body.completeness.complete, saved.body.answers.likely_consequences.source, saved.body.updated_by], [true, 'saved', 'token reviewer token']);
    assert.equal((await save('gdpr.authority', { breach_type: 'Confidentiality' }, { 'if-match': '"0"' })).status, 412, 'edited by someone else meanwhile');

    const blanked = await save('gdpr.authority', { data_subjects_approx: '  ' });
    assert.deepEqual([blanked.body.answers.data_subjects_approx, blanked.body.completeness.missing], [{ text: '', source: 'saved' }, ['data_subjects_approx']]);
    const cleared = await save('gdpr.authority', { data_subjects_approx: null });
    assert.deepEqual([cleared.body.answers.data_subjects_approx.source, cleared.body.completeness.complete, cleared.body.version], ['prefilled', true, 3]);

    const audit = (await h.request('GET', `/api/admin/audit?entity_id=${incidentId}`)).body.entries.filter((e: any) => e.action === 'regulatory_report.save');
    assert.equal(audit.length, 3);
    assert.equal(audit.at(-1).actor_name, 'token reviewer token');
  });

  it('an item the report does not have is refused by name, and nothing of that save is kept', async () => {
    const refused = await save('gdpr.authority', { colour: 'red', breach_type: 'Confidentiality' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.type, 'https://tocsin.dev/problems/report-item-unknown');
    assert.deepEqual(refused.body.errors, [{ pointer: '/answers/colour', detail: 'not an item of this report' }]);
    assert.equal((await form('gdpr.authority')).body.answers.breach_type, undefined);
    assert.equal((await save('dora.initial', { breach_nature: 'x' })).status, 400, 'a GDPR item is not a DORA item');
  });

  it('support and viewers neither read nor write the forms', async () => {
    for (const token of [h.tokens.support, h.tokens.viewer]) {
      assert.equal((await form('gdpr.authority', 'en', token)).status, 403);
      assert.equal((await h.request('GET', `/api/admin/incidents/${incidentId}/regulatory/reports`, { token })).status, 403);
      assert.equal((await h.request('GET', path('gdpr.authority', '/export?format=md'), { token })).status, 403);
    }
    assert.equal((await h.request('PATCH', path('gdpr.authority'), { token: h.tokens.support, body: { answers: { breach_type: 'x' } } })).status, 403);
  });

  it('exports Markdown in French and English with the labels, the answers and the empty items flagged', async () => {
    assert.equal((await save('gdpr.authority', { likely_consequences: '' })).status, 200);
    const fr = await exported('gdpr.authority', 'md', 'fr');
    assert.equal(fr.status, 200);
    assert.equal(fr.headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.equal(fr.headers.get('content-disposition'), `attachment; filename="tocsin-${incidentId}-gdpr-authority-fr.md"`);
    const frText = fr.bytes.toString('utf8');
    assert.ok(frText.startsWith('# Notification de violation de données personnelles\n'));
    assert.ok(frText.includes('- **Destinataire\u00a0:** Autorité de contrôle (CNIL)'));
    assert.ok(frText.includes('- **Échéance\u00a0:** 7 mai 2027 à 11:00 (Europe/Paris)'), 'due in the workspace\'s time zone');
    assert.ok(frText.includes('## Nombre approximatif de personnes concernées\n\n40\u00a0000'));
    assert.ok(frText.includes('## Conséquences probables\n\n**À compléter**'));
    assert.ok(frText.includes('GDPR Art. 33(1)'));
    assert.ok(frText.includes('pas un avis juridique'));

    const en = (await exported('gdpr.authority', 'md', 'en')).bytes.toString('utf8');
    assert.ok(en.includes('## Approximate number of data subjects\n\n40,000'));
    assert.ok(en.includes('## Likely consequences\n\n**To be completed**'));
    assert.ok(en.includes(`## DPO or other contact point\n\n${referent}`));
    assert.ok(!en.includes('Conséquences probables') && !en.includes('À compléter'), 'no French in the English report');
  });

  it('the HTML export shows a script typed into an answer as text', async () => {
    assert.equal((await save('gdpr.authority', { breach_type: 'Confidentiality <script>alert(1)</script>' })).status, 200);
    const html = await exported('gdpr.authority', 'html', 'en');
    assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8');
    const page = html.bytes.toString('utf8');
    assert.ok(page.includes('<html lang="en">'));
    assert.ok(page.includes('<h1>Personal data breach notification</h1>'));
    assert.ok(page.includes('Confidentiality &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!page.includes('<script'), 'no script element');
  });

  it('the PDF export holds the report name and the answers, and the same form gives the same bytes', async () => {
    const pdf = await exported('gdpr.authority', 'pdf', 'fr');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.headers.get('content-disposition'), `attachment; filename="tocsin-${incidentId}-gdpr-authority-fr.pdf"`);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf.bytes);
    assert.ok(text.includes('Notification de violation de données personnelles'), text.slice(0, 300));
    assert.ok(text.includes(referent));
    assert.ok(text.includes('À compléter'));
    assert.ok(/Page 1 sur \d/.test(text));

    h.clock.advance(3_600_000);
    assert.ok((await exported('gdpr.authority', 'pdf', 'fr')).bytes.equals(pdf.bytes), 'an hour later, the unchanged form is the same file');
    assert.ok(pdfText((await exported('gdpr.authority', 'pdf', 'en')).bytes).includes('Personal data breach notification'));
  });

  it('NIS2 and DORA reports have forms of their own; a report the regimes do not call for is not found, and says why', async () => {
    const list = await h.request('GET', `/api/admin/incidents/${incidentId}/regulatory/reports`, { token: h.tokens.reviewer });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const ids = list.body.reports.map((r: any) => r.report);
    for (const id of ['gdpr.authority', 'nis2.early_warning', 'nis2.notification', 'dora.initial', 'dora.intermediate']) assert.ok(ids.includes(id), `${id} in ${ids}`);
    const gdpr = list.body.reports.find((r: any) => r.report === 'gdpr.authority');
    assert.deepEqual([gdpr.complete, gdpr.missing, gdpr.version], [false, ['likely_consequences'], 5]);

    const warning = (await form('nis2.early_warning')).body;
    assert.deepEqual(warning.content.map((item: any) => item.key), ['suspected_malicious', 'cross_border_impact', 'entity_contact']);
    assert.equal(warning.answers.entity_contact.text, `Acme Cloud — contact: ${referent}`);
    assert.deepEqual(warning.completeness.missing, ['suspected_malicious', 'cross_border_impact']);

    const dora = (await form('dora.initial')).body;
    assert.ok(['entity', 'submitting_entity', 'classification', 'bcp_activated'].every((key) => dora.content.some((item: any) => item.key === key)));
    assert.deepEqual([dora.answers.submission_type.text, dora.answers.incident_reference.text, dora.answers.detected_at.text], ['Initial', incidentId, '4 May 2027, 10:00 (Europe/Paris)']);
    const doraMd = (await exported('dora.initial', 'md', 'fr')).bytes.toString('utf8');
    assert.ok(doraMd.startsWith('# Notification initiale\n') && doraMd.includes('## Entité financière : nom, LEI, type\n\n**À compléter**'));

    const unknown = await form('gdpr.everything');
    assert.deepEqual([unknown.status, unknown.body.type], [404, 'https://tocsin.dev/problems/report-unknown']);
    const notDue = await form('gdpr.data_subjects');
    assert.deepEqual([notDue.status, notDue.body.type], [404, 'https://tocsin.dev/problems/report-not-applicable']);
    assert.match(notDue.body.detail, /gdpr\.data_subjects.*risk assessment/);
    assert.equal((await form('eprivacy.initial')).status, 404);
    assert.equal((await h.request('GET', `/api/admin/incidents/nosuchincide/regulatory/reports`, { token: h.tokens.reviewer })).status, 404);
  });
});
