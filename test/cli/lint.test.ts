import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';

/** `tocsin lint` as a communicator or a CI job runs it: offline, on a file or standard input. */
describe('tocsin lint', () => {
  let cli: CliSandbox;
  before(async () => {
    cli = await createCliSandbox();
  });
  after(async () => cli?.close());

  it('prints where each finding is, what to do and the doctrine, and exits 1 on an error-level finding', async () => {
    const file = path.join(cli.dataDir, 'first.txt');
    writeFileSync(file, 'Nous subissons une panne majeure.\nNos équipes sont mobilisées.');
    const result = await cli.run(['lint', '--lang', 'fr', '--stage', 'first', file]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:20  warning  alarmist-label  `));
    assert.match(result.stdout, /error {2}missing-next-update/);
    assert.match(result.stdout, /§1/);
    assert.match(result.stdout, /→ panne\n/);
  });

  it('exits 0 on a message that follows the doctrine, read from standard input', async () => {
    const message =
      'Since 15:10, customers cannot send text messages; calls and mobile data work. Our network teams have found the faulty server and are restarting the service region by region. Next update at 16:30.';
    const result = await cli.run(['lint', '--lang', 'en', '--stage', 'first', '-'], { stdin: message });
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  it('reads the fact sheet: "a small number" against 120,000 people is caught, with the figure as the fix', async () => {
    const facts = path.join(cli.dataDir, 'facts.json');
    writeFileSync(
      facts,
      JSON.stringify({
        incident: { status: 'identified', components: [{ name: 'Customer area' }] },
        personal_data_breach: true,
        known: [{ text: 'Names and e-mail addresses of 120,000 customers copied', figures: { affected_people: 120000 } }],
        unconfirmed: [],
        key_messages: [],
      }),
    );
    const result = await cli.run(['lint', '--lang', 'en', '--stage', 'breach_notice', '--facts', facts, '--format', 'json', '-'], {
      stdin: 'A small number of customers are affected by the incident.',
    });
    assert.equal(result.code, 1, result.stderr);
    const { findings } = JSON.parse(result.stdout) as { findings: Array<{ rule: string; start: number; end: number; suggestion: string | null; severity: string }> };
    const minimized = findings.find((finding) => finding.rule === 'breach-minimized');
    assert.ok(minimized, JSON.stringify(findings));
    assert.equal(minimized.start, 0);
    assert.match(minimized.suggestion ?? '', /120,000/);
    for (const finding of findings) assert.deepEqual(Object.keys(finding).sort(), ['doctrine', 'end', 'field', 'message', 'rule', 'severity', 'start', 'suggestion']);
  });

  it('flags a promotional post only while an incident is running', async () => {
    const post = 'Congratulations to the winner of our summer contest! Play again for a chance to win a new phone.';
    const running = await cli.run(['lint', '--lang', 'en', '--stage', 'update', '--channel', 'social', '--network', 'facebook', '--incident-open', '--format', 'json', '-'], { stdin: post });
    assert.ok(JSON.parse(running.stdout).findings.some((finding: { rule: string }) => finding.rule === 'promo-during-incident'), running.stdout);
    const quiet = await cli.run(['lint', '--lang', 'en', '--stage', 'update', '--channel', 'social', '--network', 'facebook', '--no-incident-open', '--format', 'json', '-'], { stdin: post });
    assert.ok(!JSON.parse(quiet.stdout).findings.some((finding: { rule: string }) => finding.rule === 'promo-during-incident'), quiet.stdout);
  });

  it('answers a usage error with one line and exit code 2', async () => {
    for (const args of [
      ['lint', '--lang', 'de', '-'],
      ['lint', '--stage', 'aftermath', '-'],
      ['lint', '--format', 'xml', '-'],
      ['lint', '--facts', path.join(cli.dataDir, 'missing.json'), '-'],
      ['lint', path.join(cli.dataDir, 'no-such-message.txt')],
    ]) {
      const result = await cli.run(args, { stdin: 'text' });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^tocsin: .+\n$/, args.join(' '));
    }
    const badSheet = path.join(cli.dataDir, 'bad-facts.json');
    writeFileSync(badSheet, JSON.stringify({ known: [{ text: 'x', figures: { affected_people: -3 } }] }));
    const result = await cli.run(['lint', '--facts', badSheet, '-'], { stdin: 'text' });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /affected_people/);
  });
});
