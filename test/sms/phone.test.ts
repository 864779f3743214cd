import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CountryCode } from 'libphonenumber-js/max';
import { isMobileCapable, normalizePhone } from '../../src/adapters/sms/phone.ts';

describe('phone numbers as people type them', () => {
  const accepted: Array<[string, CountryCode | undefined, string, string | undefined]> = [
    ['+33 6 12 34 56 78', undefined, '+33612345678', 'FR'],
    ['+33612345678', undefined, '+33612345678', 'FR'],
    ['06.12.34.56.78', 'FR', '+33612345678', 'FR'],
    ['06-12-34-56-78', 'FR', '+33612345678', 'FR'],
    ['(01) 23 45 67 89', 'FR', '+33123456789', 'FR'],
    ['0033 6 12 34 56 78', undefined, '+33612345678', 'FR'],
    ['0033 6 12 34 56 78', 'FR', '+33612345678', 'FR'],
    ['+33 (0)6 12 34 56 78', undefined, '+33612345678', 'FR'],
    ['+33\u202f6\u00a012\u00a034\u00a056\u00a078', undefined, '+33612345678', 'FR'],
    ['  +1 (202) 555-0123 ', undefined, '+12025550123', 'US'],
    ['+49 151 12345678', 'FR', '+4915112345678', 'DE'],
    ['030 1234567', 'DE', '+49301234567', 'DE'],
  ];
  for (const [input, country, e164, expectedCountry] of accepted) {
    it(`${JSON.stringify(input)}${country ? ` in ${country}` : ''} is ${e164}`, () => {
      assert.deepEqual(normalizePhone(input, country), { ok: true, e164, ...(expectedCountry ? { country: expectedCountry } : {}) });
    });
  }

  const refused: Array<[string, CountryCode | undefined, string]> = [
    ['+33 1 23', undefined, '"+33 1 23" is too short for France (+33).'],
    ['12', 'FR', '"12" is too short for France (+33).'],
    ['+33 6 12 34 56 78 90 12', undefined, '"+33 6 12 34 56 78 90 12" is too long for France (+33).'],
    ['+3361234567890123456789', undefined, '"+3361234567890123456789" is too long to be a phone number.'],
    ['+33', undefined, '"+33" is too short to be a phone number.'],
    ['06 12 34 56 78', undefined, '"06 12 34 56 78" has no country code: write it in international form, starting with + and the country code (+33 for France).'],
    ['+999 123456', undefined, '"+999 123456" does not start with a known country code.'],
    ['hello', undefined, '"hello" is not a phone number: only digits, a leading +, spaces, dots, dashes, slashes and parentheses are allowed.'],
    ['+33 6 12 34 56 78 ext. 12', undefined, '"+33 6 12 34 56 78 ext. 12" is not a phone number: only digits, a leading +, spaces, dots, dashes, slashes and parentheses are allowed.'],
    ['+33 00 00 00 00 00', undefined, '"+33 00 00 00 00 00" is not a valid number for France (+33).'],
    ['+1 200 555 0123', undefined, '"+1 200 555 0123" is not a valid number for the country code +1.'],
    ['++33612345678', undefined, '"++33612345678" is not a phone number.'],
    ['   ', 'FR', 'The phone number is empty.'],
    ['0612345678', 'XX' as CountryCode, 'The default country "XX" is not a known country code.'],
  ];
  for (const [input, country, reason] of refused) {
    it(`${JSON.stringify(input)}${country ? ` in ${country}` : ''} is refused with a sentence saying why`, () => {
      assert.deepEqual(normalizePhone(input, country), { ok: false, reason });
    });
  }
});

describe('whether a number can receive an SMS (a warning, not a refusal)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['a French mobile', '+33612345678', true],
    ['a French landline', '+33123456789', false],
    ['a US number (landline or mobile, no telling)', '+12025550123', true],
    ['a French freephone', '+33800123456', false],
    ['a number of unknown type', '+33000000000', true],
  ];
  for (const [what, e164, expected] of cases) {
    it(`${what}: ${expected}`, () => assert.equal(isMobileCapable(e164), expected));
  }
});
