import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smsSegments } from '../../domain/linter/sms.ts';
import { updateSms } from './compose.ts';
import type { VariantContent } from './delivery-context.ts';

const update = (body: string, language: 'fr' | 'en' = 'en'): VariantContent => ({
  id: 'upd000000001', channel: 'status_page', audience: 'public', language, subject: language === 'fr' ? 'Paiements par carte — Cause identifiée' : 'Card payments — Identified',
  body, network: null, incidentId: 'inc000000001', incidentUpdateId: 'upd000000001', publishedAt: null,
});

describe('the SMS an incident update becomes', () => {
  it('names the incident and its status, then the update as plain text', () => {
    const text = updateSms(update('Our card **processor** is down; see [the status page](https://status.example).\n\nNext update at 15:00 – we’re on it.'));
    assert.equal(text, "Card payments - Identified: Our card processor is down; see the status page. Next update at 15:00 - we're on it.");
    assert.equal(smsSegments(text).encoding, 'gsm7', 'dashes and apostrophes do not turn it into UCS-2');
  });

  it('French guillemets become straight quotes, their inner spaces with them', () => {
    const text = updateSms(update('Le service « Paiements » est rétabli\u00a0; l’équipe reste mobilisée.', 'fr'));
    assert.equal(text, 'Paiements par carte - Cause identifiée: Le service "Paiements" est rétabli ; l\'équipe reste mobilisée.');
    assert.equal(smsSegments(text).encoding, 'gsm7');
  });

  it('a long update is cut to two segments, in GSM-7 (306 characters) and in UCS-2 (134)', () => {
    const long = updateSms(update('word '.repeat(200)));
    assert.deepEqual(smsSegments(long), { encoding: 'gsm7', segments: 2, characters: long.length });
    assert.ok(long.length > 290 && long.endsWith('...'), long);
    const french = updateSms(update('Le prestataire de paiement est en panne, nous rétablissons la connexion. '.repeat(10), 'fr'));
    const ucs2 = updateSms(update('Le prestataire est arrêté. '.repeat(20), 'fr'));
    assert.equal(smsSegments(ucs2).encoding, 'ucs2', 'ê is not in GSM-7');
    assert.equal(smsSegments(ucs2).segments, 2);
    assert.ok(ucs2.length <= 134 && ucs2.endsWith('...'), ucs2);
    assert.equal(smsSegments(french).segments, 2);
  });
});
