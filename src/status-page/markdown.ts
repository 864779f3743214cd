import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML is off and images are never parsed: an update body cannot load anything or run anything.
const parser = new MarkdownIt({ html: false, linkify: true, breaks: true }).disable(['image', 'table']);

const linkable = /^(https?:|mailto:)/i;
const headings = Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, 'p']));

const policy: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A heading in a body would break the page's heading order: it becomes a paragraph.
    ...headings,
    // Relative and other-scheme links become plain text; the rest open without referrer rights.
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href && linkable.test(attribs.href.trim())
        ? { tagName, attribs: { href: attribs.href, rel: 'noopener nofollow' } }
        : { tagName: 'span', attribs: {} },
  },
};

/**
 * An update body (Markdown, as the communicator wrote it) as safe HTML: paragraphs, line breaks,
 * emphasis, lists, code, quotes and http(s)/mailto links only; anything else is shown as text or dropped.
 */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(parser.render(body), policy).trim();
}
