import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from './markdown.ts';

describe('update bodies (Markdown) on the public page', () => {
  it('keeps the allowed formatting: paragraphs, emphasis, lists, code, quotes, line breaks', () => {
    const out = renderMarkdown('**Fixed** at _09:20_.\nRetry now.\n\n- one\n- two\n\n1. first\n\n`code`\n\n```\nblock\n```\n\n> quoted');
    for (const tag of ['<p>', '<strong>Fixed</strong>', '<em>09:20</em>', '<br />', '<ul>', '<ol>', '<li>one</li>', '<code>code</code>', '<pre><code>block', '<blockquote>']) {
      assert.ok(out.includes(tag), `${tag} missing in ${out}`);
    }
  });

  it('shows raw HTML as text: a <script> in a body never runs', () => {
    const out = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(2)> <b>bold</b>');
    assert.ok(!out.includes('<script'));
    assert.ok(!out.includes('<img'));
    assert.ok(!out.includes('<b>'));
    assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('links only to http, https and mailto, with rel="noopener nofollow"', () => {
    const out = renderMarkdown('[a](https://example.com/x?a=1&b=2) [b](mailto:ops@example.com) [c](javascript:alert(1)) [d](/relative) [e](data:text/html,x) [f](ftp://example.com) http://auto.example.com');
    assert.ok(out.includes('<a href="https://example.com/x?a=1&amp;b=2" rel="noopener nofollow">a</a>'));
    assert.ok(out.includes('<a href="mailto:ops@example.com" rel="noopener nofollow">b</a>'));
    assert.ok(out.includes('<a href="http://auto.example.com" rel="noopener nofollow">'), 'bare URLs become links');
    assert.equal((out.match(/<a /g) ?? []).length, 3, out);
    assert.ok(!/href="(javascript|data|\/|ftp)/.test(out), out);
  });

  it('shows no image, and turns headings into paragraphs so the page keeps its heading order', () => {
    const out = renderMarkdown('![diagram](https://example.com/d.png)\n\n# Root cause\n\n## Next steps');
    assert.ok(!out.includes('<img'));
    assert.ok(!/<h\d/.test(out));
    assert.ok(out.includes('<p>Root cause</p>'));
  });

  it('handles a 100,000-character body', () => {
    const out = renderMarkdown('x'.repeat(100_000));
    assert.equal(out, `<p>${'x'.repeat(100_000)}</p>`);
  });
});
