import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash, type VariantContent } from './content-hash.ts';

const fr: VariantContent = { audience: 'customers', language: 'fr', channel: 'status_page', network: null, subject: null, body: 'Depuis 15 h 10, le paiement par carte est indisponible.' };
const en: VariantContent = { ...fr, language: 'en', body: 'Since 3:10 pm, card payments have been unavailable.' };
const message = { nextUpdateAt: new Date('2026-03-10T15:30:00Z') };

describe('content hash', () => {
  it('does not depend on the order of the variants', () => {
    assert.equal(contentHash(message, [fr, en]), contentHash(message, [en, fr]));
  });

  it('changes with any edit, variant added or removed, or a new next-update time', () => {
    const original = contentHash(message, [fr, en]);
    const changed = [
      contentHash(message, [fr, { ...en, body: `${en.body} ` }]),
      contentHash(message, [fr, { ...en, subject: 'Subject' }]),
      contentHash(message, [fr, { ...en, audience: 'partners' }]),
      contentHash(message, [fr]),
      contentHash(message, [fr, en, { ...en, channel: 'sms' }]),
      contentHash({ nextUpdateAt: new Date('2026-03-10T16:00:00Z') }, [fr, en]),
      contentHash({ nextUpdateAt: null }, [fr, en]),
    ];
    for (const hash of changed) assert.notEqual(hash, original);
    assert.equal(new Set(changed).size, changed.length);
  });

  it('a text cannot be passed off as another by moving characters between fields', () => {
    assert.notEqual(contentHash(message, [{ ...fr, subject: 'a', body: 'b' }]), contentHash(message, [{ ...fr, subject: 'ab', body: '' }]));
  });
});
