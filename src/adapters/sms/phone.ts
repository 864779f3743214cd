import { isSupportedCountry, ParseError, parsePhoneNumberWithError, validatePhoneNumberLength, type CountryCode, type PhoneNumber, type PhoneNumberType } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string; country?: string } | { ok: false; reason: string };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
// Written by hand or pasted: spaces of every kind, dots, dashes, slashes, parentheses ("+33 (0)6 …").
const allowedCharacters = /^[+\d .()/-]*$/;

/**
 * A number as people type it, in E.164, or why it cannot be one. A national number needs
 * `defaultCountry`; a leading 00 stands for + (the ITU's international prefix, used across Europe).
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): PhoneResult {
  const shown = JSON.stringify(input.trim());
  if (defaultCountry !== undefined && !isSupportedCountry(defaultCountry)) return { ok: false, reason: `The default country "${defaultCountry}" is not a known country code.` };
  const text = input.replace(/\s+/gu, ' ').trim().replace(/^00/, '+');
  if (text === '') return { ok: false, reason: 'The phone number is empty.' };
  if (!allowedCharacters.test(text)) return { ok: false, reason: `${shown} is not a phone number: only digits, a leading +, spaces, dots, dashes, slashes and parentheses are allowed.` };
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(text, { ...(defaultCountry ? { defaultCountry } : {}), extract: false });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { ok: false, reason: reasonOfParseError(error.message, shown, text) };
  }
  const where = countryOf(parsed);
  if (!parsed.isPossible()) {
    const problem = validatePhoneNumberLength(text, { ...(defaultCountry ? { defaultCountry } : {}) });
    return { ok: false, reason: `${shown} ${lengthProblems[problem ?? ''] ?? 'does not have a possible length'} for ${where}.` };
  }
  if (!parsed.isValid()) return { ok: false, reason: `${shown} is not a valid number for ${where}.` };
  return { ok: true, e164: parsed.number, ...(parsed.country ? { country: parsed.country } : {}) };
}

/**
 * Whether an E.164 number may receive an SMS, for a warning only: number plans are incomplete and
 * some landlines read texts aloud, so an unknown type counts as capable.
 */
export function isMobileCapable(e164: string): boolean {
  let type: PhoneNumberType | undefined;
  try {
    type = parsePhoneNumberWithError(e164).getType();
  } catch (error) {
    if (error instanceof ParseError) return true;
    throw error;
  }
  if (type === undefined) return true;
  switch (type) {
    case 'MOBILE':
    case 'FIXED_LINE_OR_MOBILE':
    case 'VOIP':
    case 'PERSONAL_NUMBER':
    case 'PAGER':
      return true;
    case 'FIXED_LINE':
    case 'TOLL_FREE':
    case 'PREMIUM_RATE':
    case 'SHARED_COST':
    case 'UAN':
    case 'VOICEMAIL':
      return false;
  }
}

const lengthProblems: Record<string, string> = { TOO_SHORT: 'is too short', TOO_LONG: 'is too long' };

function reasonOfParseError(code: string, shown: string, text: string): string {
  switch (code) {
    case 'INVALID_COUNTRY':
      return text.startsWith('+')
        ? `${shown} does not start with a known country code.`
        : `${shown} has no country code: write it in international form, starting with + and the country code (+33 for France).`;
    case 'NOT_A_NUMBER':
      return `${shown} is not a phone number.`;
    case 'TOO_SHORT':
      return `${shown} is too short to be a phone number.`;
    case 'TOO_LONG':
      return `${shown} is too long to be a phone number.`;
    case 'INVALID_LENGTH':
      return `${shown} does not have the length of a phone number.`;
    default:
      return `${shown} is not a phone number (${code}).`;
  }
}

function countryOf(parsed: PhoneNumber): string {
  const name = parsed.country ? regionNames.of(parsed.country) : undefined;
  return name ? `${name} (+${parsed.countryCallingCode})` : `the country code +${parsed.countryCallingCode}`;
}
