import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate, unfilledFindings } from './fill.ts';

describe('filling a template', () => {
  it('fills known values and marks unknown or empty ones visibly, in the text\'s language', () => {
    const template = 'Depuis {{started_at}}, {{what}} Touché : {{components}}. {{ mystery }}';
    assert.equal(
      fillTemplate(template, { started_at: '15 h 10', what: 'Le paiement échoue.', components: '  ' }, 'fr'),
      'Depuis 15 h 10, Le paiement échoue. Touché : [à compléter : services touchés]. [à compléter : mystery]',
    );
    assert.equal(fillTemplate('Since {{started_at}}.', {}, 'en'), 'Since [to fill: start time].');
  });

  it('an optional slot disappears with its space when empty', () => {
    assert.equal(fillTemplate('Nos équipes sont mobilisées. {{?key_messages}}\n\nProchain point.', {}, 'fr'), 'Nos équipes sont mobilisées.\n\nProchain point.');
    assert.equal(fillTemplate('On it. {{?key_messages}} Next.', { key_messages: 'Software, not capacity.' }, 'en'), 'On it. Software, not capacity. Next.');
  });

  it('an inherited property name is not a value', () => {
    assert.equal(fillTemplate('{{constructor}}', {}, 'en'), '[to fill: constructor]');
  });

  it('every slot left to fill is an error finding on its exact range, subject included', () => {
    const text = 'Depuis 15 h, [à compléter : cause] et {{what}}.';
    const findings = unfilledFindings(text, '[to fill: x] subject', 'fr');
    assert.deepEqual(findings.map((f) => [f.field ?? 'text', f.severity, (f.field === 'subject' ? '[to fill: x] subject' : text).slice(f.start, f.end)]), [
      ['subject', 'error', '[to fill: x]'],
      ['text', 'error', '[à compléter : cause]'],
      ['text', 'error', '{{what}}'],
    ]);
    assert.deepEqual(unfilledFindings('Rien à compléter [ici].', null, 'fr'), []);
  });
});
