import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, trusted } from './escape.ts';

describe('html escaping', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every interpolated text unless it is already markup, and joins lists', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<p title="${'"onmouseover="x'}">${name} ${[html`<b>${'&'}</b>`, ' & ', 2]} ${null}${undefined}${false}${trusted('<i>ok</i>')}</p>`.value;
    assert.equal(out, '<p title="&quot;onmouseover=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt; <b>&amp;</b> &amp; 2 <i>ok</i></p>');
  });
});
