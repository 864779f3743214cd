import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from './normalize.ts';
import { sentencesOf } from './segment.ts';

const sentences = (text: string, language: 'fr' | 'en') => {
  const n = normalize(text);
  return sentencesOf(n.cased, language).map((s) => n.cased.slice(s.start, s.end).trim());
};

describe('sentences with the fr/en post-pass', () => {
  it('does not break after French titles and abbreviations', () => {
    assert.deepEqual(sentences('M. Dupont a appelé. Voir p. 3 pour le détail. Fin.', 'fr'), ['M. Dupont a appelé.', 'Voir p. 3 pour le détail.', 'Fin.']);
  });

  it('gives a closing » to the sentence it closes', () => {
    assert.deepEqual(sentences('Il a dit « Bonjour. » Puis il est parti.', 'fr'), ['Il a dit « Bonjour. »', 'Puis il est parti.']);
  });

  it('keeps « … » a-t-il dit in one sentence', () => {
    assert.deepEqual(sentences('« Nous sommes mobilisés. » a-t-il dit. Fin.', 'fr'), ['« Nous sommes mobilisés. » a-t-il dit.', 'Fin.']);
  });

  it('does not break after Mr. or e.g. but does after a time ending a sentence', () => {
    assert.deepEqual(sentences('Mr. Smith said e.g. the site is down. Next update at 4:30 p.m. Thanks.', 'en'), ['Mr. Smith said e.g. the site is down.', 'Next update at 4:30 p.m.', 'Thanks.']);
  });

  it('breaks after "ms." (a unit, not Ms.)', () => {
    assert.deepEqual(sentences('Timeouts exceeded 300 ms. We apologise.', 'en'), ['Timeouts exceeded 300 ms.', 'We apologise.']);
  });
});
