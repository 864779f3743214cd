const brand = Symbol('html');

/** Markup that is already safe: built by `html` or by a sanitizer, never from raw input. */
export interface Html {
  readonly [brand]: true;
  readonly value: string;
}

/** What `html` accepts: text is escaped, `Html` is kept, arrays are joined, nothing-values vanish. */
export type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an element's content and a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

/** Marks sanitized markup as safe. Only for the output of `renderMarkdown` and fixed strings. */
export function trusted(value: string): Html {
  return { [brand]: true, value };
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && brand in value;
}

function append(out: string[], value: Interpolation): void {
  if (value === null || value === undefined || value === false) return;
  if (typeof value === 'string') out.push(escapeHtml(value));
  else if (typeof value === 'number') out.push(String(value));
  else if (isHtml(value)) out.push(value.value);
  else for (const item of value) append(out, item);
}

/** A template that escapes every interpolated value unless it is `Html` already. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  const out: string[] = [strings[0]!];
  values.forEach((value, index) => {
    append(out, value);
    out.push(strings[index + 1]!);
  });
  return trusted(out.join(''));
}
