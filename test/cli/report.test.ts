import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';
import { figureLines } from '../../src/surfaces/cli/report.ts';

// After the crisis, from the terminal: the report of an incident as a file, and the monthly figures.
describe('tocsin report', () => {
  let cli: CliSandbox;
  let incidentId: string;
  before(async () => {
    cli = await createCliSandbox();
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud']);
    assert.equal(setup.code, 0, setup.stderr);
    const opened = await cli.run(['incident', 'open', '--name', 'DNS answers slowly', '--impact', 'minor', '--body', 'Some domains answer slowly. We are investigating.', '--json']);
    assert.equal(opened.code, 0, opened.stderr);
    incidentId = JSON.parse(opened.stdout).id;
  });
  after(async () => cli?.close());

  it('prints the public report as Markdown and writes the PDF to a file', async () => {
    const markdown = await cli.run(['report', incidentId, '--version', 'public', '--language', 'en']);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# Incident report: DNS answers slowly\n/);
    assert.match(markdown.stdout, /Some domains answer slowly\. We are investigating\./);
    assert.ok(!markdown.stdout.includes('Internal version'));
    const out = path.join(cli.dataDir, 'report.pdf');
    const pdf = await cli.run(['report', incidentId, '--version', 'public', '--language', 'fr', '--format', 'pdf', '--out', out]);
    assert.equal(pdf.code, 0, pdf.stderr);
    assert.match(pdf.stdout, /^Wrote the public report \(fr, pdf, \d+ bytes\) to /);
    assert.equal(readFileSync(out).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('prints the monthly figures, and JSON on demand', async () => {
    const year = await cli.run(['report', 'figures', '--json']);
    assert.equal(year.code, 0, year.stderr);
    const month = JSON.parse(year.stdout).to as string;
    const json = await cli.run(['report', 'figures', '--from', month, '--to', month, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const figures = JSON.parse(json.stdout);
    assert.deepEqual([figures.months.length, figures.months[0].month, figures.months[0].incidents], [1, month, 1]);
    assert.equal(figures.months[0].first_message.count, 1, 'the incident opened public');
    const table = await cli.run(['report', 'figures']);
    assert.equal(table.code, 0, table.stderr);
    assert.equal(table.stdout.trim().split('\n').length, 1 + 12 + 1, 'a header, twelve months and the time zone');
  });

  it('explains a wrong command line with exit 2, and an unknown incident with exit 1', async () => {
    const format = await cli.run(['report', incidentId, '--format', 'docx']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /Unknown format "docx" \(use md, html, pdf, json\)/);
    const pdf = await cli.run(['report', incidentId, '--format', 'pdf']);
    assert.equal(pdf.code, 2);
    assert.match(pdf.stderr, /add --out report\.pdf/);
    const month = await cli.run(['report', 'figures', '--from', '2026-13']);
    assert.equal(month.code, 2);
    assert.match(month.stderr, /a month such as 2026-03/);
    const unknown = await cli.run(['report', 'zzzzzzzzzzzz']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No incident with id "zzzzzzzzzzzz"/);
  });

  it('lines the figures up in columns', () => {
    const lines = figureLines([
      { month: '2026-03', incidents: 2, first_message: { count: 2, median_minutes: 65, p90_minutes: 90 }, punctuality: { on_time: 1, late: 2, percent: 33.3 }, delivery: { sent: 2, failed: 1, dead: 0, success_percent: 66.7 } },
      { month: '2026-04', incidents: 0, first_message: { count: 0, median_minutes: null, p90_minutes: null }, punctuality: { on_time: 0, late: 0, percent: null }, delivery: { sent: 0, failed: 0, dead: 0, success_percent: null } },
    ]);
    assert.deepEqual(lines, [
      'month    incidents  first msg median     p90  on time  delivered',
      '2026-03          2            65 min  90 min   33.3 %     66.7 %',
      '2026-04          0                 —       —        —          —',
    ]);
  });
});
