import type { ComponentStatus } from '../domain/component/status.ts';
import type { PublicPage, PublicSnapshot, SiteFile } from './snapshot.ts';
import { pageStatus, type StatusDescription, type StatusIndicator } from './statuspage-v2.ts';

type Language = PublicPage['language'];

/** Darker than shields' palette so that white text keeps a 4.5:1 contrast (WCAG AA). */
export const badgeColors = {
  label: '#555555',
  green: '#2e7d32',
  amber: '#946200',
  orange: '#c2410c',
  red: '#b91c1c',
  blue: '#1d4ed8',
} as const;
type Color = Exclude<keyof typeof badgeColors, 'label'>;

const indicatorColor: Record<StatusIndicator, Color> = { none: 'green', minor: 'amber', major: 'orange', critical: 'red', maintenance: 'blue' };
const componentColor: Record<ComponentStatus, Color> = {
  operational: 'green', degraded_performance: 'amber', partial_outage: 'orange', major_outage: 'red', under_maintenance: 'blue',
};

const statusWord: Record<Language, string> = { en: 'status', fr: 'statut' };

const descriptions: Record<Language, Record<StatusDescription, string>> = {
  en: {
    'All Systems Operational': 'All Systems Operational',
    'Service Under Maintenance': 'Service Under Maintenance',
    'Partially Degraded Service': 'Partially Degraded Service',
    'Degraded System Service': 'Degraded System Service',
    'Minor Service Outage': 'Minor Service Outage',
    'Partial System Outage': 'Partial System Outage',
    'Major System Outage': 'Major System Outage',
  },
  fr: {
    'All Systems Operational': 'Tous les services sont opérationnels',
    'Service Under Maintenance': 'Maintenance en cours',
    'Partially Degraded Service': 'Service partiellement dégradé',
    'Degraded System Service': 'Service dégradé',
    'Minor Service Outage': 'Panne mineure',
    'Partial System Outage': 'Panne partielle',
    'Major System Outage': 'Panne majeure',
  },
};

const componentWords: Record<Language, Record<ComponentStatus, string>> = {
  en: { operational: 'Operational', degraded_performance: 'Degraded performance', partial_outage: 'Partial outage', major_outage: 'Major outage', under_maintenance: 'Under maintenance' },
  fr: { operational: 'Opérationnel', degraded_performance: 'Performances dégradées', partial_outage: 'Panne partielle', major_outage: 'Panne majeure', under_maintenance: 'En maintenance' },
};

/** `badge.svg` for the page, `badge/<component-id>.svg` for each component: shields-style flat badges. */
export function renderBadge(snapshot: PublicSnapshot): SiteFile[] {
  const { language } = snapshot.page;
  const status = pageStatus(snapshot);
  const svg = (path: string, label: string, value: string, color: Color): SiteFile => ({ path, contentType: 'image/svg+xml', body: badgeSvg(label, value, badgeColors[color]) });
  return [
    svg('badge.svg', statusWord[language], descriptions[language][status.description], indicatorColor[status.indicator]),
    ...snapshot.components.map((component) => svg(`badge/${component.id}.svg`, component.name, componentWords[language][component.status], componentColor[component.status])),
  ];
}

/**
 * A flat badge. Widths come from Verdana 11px advances (the font shields measures with), and
 * `textLength` makes the text fit the computed box whatever font the viewer falls back to.
 */
export function badgeSvg(label: string, value: string, color: string): string {
  const [left, right] = [clean(label), clean(value)];
  const leftText = textWidth(left);
  const rightText = textWidth(right);
  const leftWidth = Math.ceil(leftText) + 10;
  const rightWidth = Math.ceil(rightText) + 10;
  const width = leftWidth + rightWidth;
  const title = escapeXml(`${left}: ${right}`);
  const text = (content: string, center: number, length: number) => {
    const [x, textLength, escaped] = [Math.round(center * 10), Math.round(length * 10), escapeXml(content)];
    return (
      `<text aria-hidden="true" x="${x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="${textLength}">${escaped}</text>` +
      `<text x="${x}" y="140" transform="scale(.1)" fill="#fff" textLength="${textLength}">${escaped}</text>`
    );
  };
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}"><title>${title}</title>` +
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` +
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r)"><rect width="${leftWidth}" height="20" fill="${badgeColors.label}"/><rect x="${leftWidth}" width="${rightWidth}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">` +
    text(left, leftWidth / 2, leftText) +
    text(right, leftWidth + rightWidth / 2, rightText) +
    `</g></svg>`
  );
}

// Verdana advances at 11px, the font and size of shields badges.
const advances: Record<string, number> = {
  ' ': 3.87, a: 6.66, b: 6.85, c: 5.73, d: 6.85, e: 6.55, f: 3.87, g: 6.85, h: 6.96, i: 3.02, j: 3.79, k: 6.35, l: 3.02, m: 10.69,
  n: 6.96, o: 6.68, p: 6.85, q: 6.85, r: 4.69, s: 5.73, t: 4.33, u: 6.96, v: 6.35, w: 9, x: 6.35, y: 6.35, z: 5.64,
  A: 7.52, B: 7.54, C: 7.68, D: 8.48, E: 6.96, F: 6.32, G: 8.53, H: 8.27, I: 4.63, J: 4.94, K: 7.64, L: 6.12, M: 9.27, N: 8.23,
  O: 8.66, P: 6.63, Q: 8.66, R: 7.65, S: 7.52, T: 6.74, U: 8.05, V: 7.52, W: 10.87, X: 7.54, Y: 6.74, Z: 7.54,
  '.': 3.87, ',': 3.87, ':': 4.66, ';': 4.66, '-': 4.99, '_': 6.99, "'": 2.95, '’': 2.95, '"': 4.99, '(': 4.99, ')': 4.99, '/': 4.99,
  '&': 7.82, '%': 11.86, '+': 8.99, '!': 4.66, '?': 5.96, '@': 11, '#': 8.99, '*': 6.99, '[': 4.99, ']': 4.99,
};

/** Estimated width in px; a letter with an accent is as wide as the letter, anything unknown as wide as an em. */
export function textWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const base = character.normalize('NFD')[0] ?? character;
    width += advances[character] ?? advances[base] ?? (/\d/.test(base) ? 6.99 : 11);
  }
  return Math.round(width * 100) / 100;
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').trim();
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!);
}
