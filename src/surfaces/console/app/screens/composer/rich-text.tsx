import type { ComponentChildren } from 'preact';

// The Markdown the status page and the e-mails render (src/status-page/markdown.ts: paragraphs,
// line breaks, lists, **bold**, *emphasis*, `code`, http(s)/mailto links), as elements: the preview
// never writes HTML from the text.

const inline = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|`([^`]+)`|\[([^\]]+)\]\(((?:https?:|mailto:)[^)\s]+)\)|((?:https?:\/\/|mailto:)[^\s<)]+[^\s<).,;:!?])/g;

function inlines(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const match of text.matchAll(inline)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    const [, bold, em, em2, code, label, href, bare] = match;
    if (bold) out.push(<strong>{bold}</strong>);
    else if (em ?? em2) out.push(<em>{em ?? em2}</em>);
    else if (code) out.push(<code>{code}</code>);
    else if (label && href) out.push(<a href={href} rel="noopener nofollow" tabIndex={-1}>{label}</a>);
    else if (bare) out.push(<a href={bare} rel="noopener nofollow" tabIndex={-1}>{bare}</a>);
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function lines(text: string): ComponentChildren[] {
  return text.split('\n').flatMap((line, i) => (i === 0 ? inlines(line) : [<br />, ...inlines(line)]));
}

/** A body as its recipient reads it. */
export function RichText({ text }: { text: string }) {
  const blocks = text.trim().split(/\n\s*\n/).filter((block) => block.trim() !== '');
  return (
    <>
      {blocks.map((block, i) => {
        const items = block.split('\n');
        if (items.every((item) => /^\s*[-*]\s+/.test(item))) return <ul key={i}>{items.map((item, j) => <li key={j}>{inlines(item.replace(/^\s*[-*]\s+/, ''))}</li>)}</ul>;
        if (items.every((item) => /^\s*\d+[.)]\s+/.test(item))) return <ol key={i}>{items.map((item, j) => <li key={j}>{inlines(item.replace(/^\s*\d+[.)]\s+/, ''))}</li>)}</ol>;
        return <p key={i}>{lines(block.replace(/^#{1,6}\s+/gm, ''))}</p>;
      })}
    </>
  );
}

/** Markdown as a text message or a social post reads it: no markup. */
export function plainText(markdown: string): string {
  return markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]+/g, '');
}
