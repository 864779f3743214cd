import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlightParts, keywordRanges, matchKeywords } from './keywords.ts';

describe('keyword matching', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['Panne chez Acme Cloud', ['panne'], ['panne']],
    ['PANNE générale', ['panne'], ['panne']],
    ['Défaillance du réseau', ['defaillance'], ['defaillance']],
    ['defaillance du reseau', ['Défaillance', 'réseau'], ['Défaillance', 'réseau']],
    ['Un dépanneur passe', ['panne'], []],
    ['Les pannes se suivent', ['panne'], []],
    ['Chez #OVHcloud ça brûle', ['ovhcloud'], ['ovhcloud']],
    ['acme cloud, acme-cloud', ['acme cloud'], ['acme cloud']],
    ['Nothing here', ['panne', 'incendie'], []],
    ['incendie puis panne', ['panne', 'incendie'], ['panne', 'incendie']],
  ];
  for (const [text, keywords, expected] of cases) {
    it(`${JSON.stringify(text)} with ${JSON.stringify(keywords)} matches ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(matchKeywords(text, keywords), expected);
    });
  }

  it('gives the keywords in the source\'s order whatever the order they appear in', () => {
    assert.deepEqual(matchKeywords('incendie puis panne', ['panne', 'incendie']), matchKeywords('panne puis incendie', ['panne', 'incendie']));
  });

  it('highlights the original text, accents and case kept, the longer of two overlapping keywords winning', () => {
    const text = 'Rumeur : Acme Cloud Île-de-France en panne';
    assert.deepEqual(keywordRanges(text, ['acme', 'acme cloud', 'ile-de-france']).map((range) => text.slice(range.start, range.end)), ['Acme Cloud', 'Île-de-France']);
    assert.deepEqual(highlightParts('Il y a une PANNE.', ['panne']), [
      { text: 'Il y a une ', keyword: null },
      { text: 'PANNE', keyword: 'panne' },
      { text: '.', keyword: null },
    ]);
  });
});
