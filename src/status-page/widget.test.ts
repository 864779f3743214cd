import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSnapshot } from '../../test/fixtures/snapshot.ts';
import { renderWidget } from './widget.ts';

const filesOf = (language: 'en' | 'fr') => Object.fromEntries(renderWidget(sampleSnapshot({ language })).map((file) => [file.path, String(file.body)]));

describe('the embeddable widget', () => {
  it('widget.html shows the current status in words and opens the page outside the frame', () => {
    const page = filesOf('fr')['widget.html']!;
    assert.ok(page.includes('<html lang="fr">'));
    assert.ok(page.includes('>Certains services sont indisponibles</a>'));
    assert.ok(page.includes('href="index.html" target="_blank" rel="noopener"'));
    assert.ok(page.includes('href="style.css"'));
    assert.ok(!page.includes('<script'));
  });

  it('widget.js reads api/v2/status.json beside itself and words the status in the page language', () => {
    const script = filesOf('fr')['widget.js']!;
    assert.doesNotThrow(() => new Function(script), 'valid JavaScript');
    assert.ok(script.includes("new URL('api/v2/status.json', base)"));
    assert.ok(script.includes('"Partial System Outage":"Certains services sont indisponibles"'));
    assert.ok(script.includes('"none":"Tous les services fonctionnent normalement"'));
    assert.ok(script.includes('[data-tocsin-status]'));
    assert.ok(!script.includes('innerHTML'), 'writes text only');
  });
});
