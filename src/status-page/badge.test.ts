import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sampleSnapshot } from '../../test/fixtures/snapshot.ts';
import { badgeColors, badgeSvg, renderBadge, textWidth } from './badge.ts';
import type { PublicSnapshot, SiteFile } from './snapshot.ts';

type Xml = Record<string, any>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

function svgOf(files: SiteFile[], path: string): Xml {
  const file = files.find((f) => f.path === path);
  assert.ok(file, `${path} is written`);
  assert.equal(file.contentType, 'image/svg+xml');
  const body = String(file.body);
  assert.equal(XMLValidator.validate(body), true, `${path} is well-formed XML`);
  return parser.parse(body).svg;
}

const operational = (): PublicSnapshot => {
  const snapshot = sampleSnapshot();
  return { ...snapshot, components: snapshot.components.map((c) => ({ ...c, status: 'operational' as const })), incidents: [], maintenances: [] };
};

/** The fill of the value's box: the second rect of the clipped group. */
const valueColor = (svg: Xml) => svg.g[0].rect[1]['@fill'];
const texts = (svg: Xml) => (svg.g[1].text as Xml[]).filter((t) => t['@aria-hidden'] !== 'true').map((t) => String(t['#text']));

describe('renderBadge', () => {
  it('writes badge.svg and one badge per component', () => {
    const files = renderBadge(sampleSnapshot());
    assert.deepEqual(files.map((f) => f.path), ['badge.svg', 'badge/cmpvm0000001.svg', 'badge/cmpk8s000001.svg', 'badge/cmpobj000001.svg', 'badge/cmpdb0000001.svg', 'badge/cmpapi000001.svg']);
  });

  it('is an accessible image: role, title and aria-label say the status', () => {
    const svg = svgOf(renderBadge(sampleSnapshot()), 'badge.svg');
    assert.equal(svg['@xmlns'], 'http://www.w3.org/2000/svg');
    assert.equal(svg['@role'], 'img');
    assert.equal(svg['@aria-label'], 'status: Partial System Outage');
    assert.equal(svg.title, 'status: Partial System Outage');
    assert.deepEqual(texts(svg), ['status', 'Partial System Outage']);
  });

  it('changes words and color with the status', () => {
    const outage = svgOf(renderBadge(sampleSnapshot()), 'badge.svg');
    const fine = svgOf(renderBadge(operational()), 'badge.svg');
    assert.equal(fine['@aria-label'], 'status: All Systems Operational');
    assert.equal(valueColor(fine), badgeColors.green);
    assert.equal(valueColor(outage), badgeColors.orange);
    const maintenance = operational();
    maintenance.components = maintenance.components.map((c, n) => (n === 0 ? { ...c, status: 'under_maintenance' as const } : c));
    assert.equal(valueColor(svgOf(renderBadge(maintenance), 'badge.svg')), badgeColors.blue);
    const critical = operational();
    critical.components = critical.components.map((c) => ({ ...c, status: 'major_outage' as const }));
    const criticalSvg = svgOf(renderBadge(critical), 'badge.svg');
    assert.equal(criticalSvg['@aria-label'], 'status: Major System Outage');
    assert.equal(valueColor(criticalSvg), badgeColors.red);
  });

  it('speaks the page language', () => {
    const svg = svgOf(renderBadge(sampleSnapshot({ language: 'fr' })), 'badge.svg');
    assert.equal(svg['@aria-label'], 'statut: Panne partielle');
    const fine = svgOf(renderBadge({ ...operational(), page: { ...operational().page, language: 'fr' } }), 'badge.svg');
    assert.deepEqual(texts(fine), ['statut', 'Tous les services sont opérationnels']);
    const storage = svgOf(renderBadge(sampleSnapshot({ language: 'fr' })), 'badge/cmpobj000001.svg');
    assert.equal(storage['@aria-label'], 'Object storage: Panne partielle');
  });

  it('shows each component with its own status and color', () => {
    const files = renderBadge(sampleSnapshot());
    const storage = svgOf(files, 'badge/cmpobj000001.svg');
    assert.deepEqual(texts(storage), ['Object storage', 'Partial outage']);
    assert.equal(valueColor(storage), badgeColors.orange);
    const database = svgOf(files, 'badge/cmpdb0000001.svg');
    assert.equal(database['@aria-label'], 'Managed PostgreSQL: Under maintenance');
    assert.equal(valueColor(database), badgeColors.blue);
    assert.equal(valueColor(svgOf(files, 'badge/cmpapi000001.svg')), badgeColors.green);
  });

  it('sizes each box to its text, so nothing is clipped', () => {
    for (const [label, value] of [['status', 'All Systems Operational'], ['statut', 'Tous les services sont opérationnels'], ['Données & sauvegardes', 'Performances dégradées'], ['API', 'OK']]) {
      const svg = parser.parse(badgeSvg(label!, value!, badgeColors.green)).svg;
      const [leftBox, rightBox] = [Number(svg.g[0].rect[0]['@width']), Number(svg.g[0].rect[1]['@width'])];
      assert.equal(Number(svg['@width']), leftBox + rightBox);
      const visible = (svg.g[1].text as Xml[]).filter((t) => t['@aria-hidden'] !== 'true');
      for (const [text, box, start] of [[visible[0]!, leftBox, 0], [visible[1]!, rightBox, leftBox]] as const) {
        const length = Number(text['@textLength']) / 10;
        const center = Number(text['@x']) / 10;
        assert.ok(length + 8 <= box, `"${text['#text']}" (${length}px) fits its ${box}px box with padding`);
        assert.ok(center - length / 2 >= start + 4 && center + length / 2 <= start + box - 4, `"${text['#text']}" is centered inside its box`);
      }
    }
    assert.ok(textWidth('Tous les services sont opérationnels') > textWidth('Panne majeure'));
    assert.equal(textWidth('é'), textWidth('e'), 'an accent does not change the estimate');
    assert.ok(textWidth('障害') >= 20, 'wide characters count as an em');
  });

  it('keeps white text readable: every color has at least a 4.5:1 contrast with white', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const [name, hex] of Object.entries(badgeColors)) assert.ok(1.05 / (luminance(hex) + 0.05) >= 4.5, `${name} ${hex}`);
  });

  it('escapes a component name, and drops characters XML cannot carry', () => {
    const snapshot = sampleSnapshot();
    snapshot.components = [{ ...snapshot.components[0]!, name: '<script>alert(1)</script> & "x"\u0007' }];
    const file = renderBadge(snapshot).find((f) => f.path === 'badge/cmpvm0000001.svg')!;
    const body = String(file.body);
    assert.equal(XMLValidator.validate(body), true);
    assert.ok(!body.includes('<script>'));
    assert.ok(!body.includes('\u0007'));
    assert.ok(body.includes('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;: Operational</title>'));
    assert.equal(parser.parse(body).svg.title, '<script>alert(1)</script> & "x": Operational', 'a reader hears the name as written');
  });

  it('is the same bytes for the same snapshot', () => {
    const snapshot = sampleSnapshot();
    assert.deepEqual(renderBadge(structuredClone(snapshot)), renderBadge(snapshot));
  });
});
