import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCliSandbox, type CliSandbox } from '../helpers/cli.ts';

// A drill from the terminal: the library, a start, a finish and the after-action report.
describe('tocsin drill', () => {
  let cli: CliSandbox;
  before(async () => {
    cli = await createCliSandbox();
    const setup = await cli.run(['workspace', 'create', 'acme', '--name', 'Acme Cloud']);
    assert.equal(setup.code, 0, setup.stderr);
  });
  after(async () => cli?.close());

  it('lists the scenarios, starts one, finishes it and prints its report; the workspace stays the default one', async () => {
    const library = await cli.run(['drill', 'scenarios', '--lang', 'fr']);
    assert.equal(library.code, 0, library.stderr);
    assert.match(library.stdout, /^datacenter-fire\s+Incendie de datacenter et perte de données — first message within 60 min/m);
    assert.equal(library.stdout.trim().split('\n').length, 5);

    const unknown = await cli.run(['drill', 'start', 'alien-invasion']);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /No scenario "alien-invasion"/);
    assert.doesNotMatch(unknown.stderr, /^\s+at /m);

    const started = await cli.run(['drill', 'start', 'public-figure-rumor', '--speed', '30', '--json']);
    assert.equal(started.code, 0, started.stderr);
    const drill = JSON.parse(started.stdout);
    assert.equal(drill.state, 'running');
    assert.equal(drill.speed, 30);
    assert.deepEqual(drill.injects.map((i: { key: string }) => i.key), ['social-claim']);

    // The sandbox is a workspace of its own, yet commands still default to the real one.
    const incidents = await cli.run(['incident', 'list', '--json']);
    assert.equal(incidents.code, 0, incidents.stderr);

    const finished = await cli.run(['drill', 'finish', drill.id]);
    assert.equal(finished.code, 0, finished.stderr);
    assert.match(finished.stdout, /— finished, ×30/);
    assert.match(finished.stdout, /score: 15\/100/, 'nothing published: only the regulatory points (no form owed)');

    const report = await cli.run(['drill', 'report', drill.id, '--lang', 'en']);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^# After-action report — Rumor spread by a public figure\n/);
    assert.match(report.stdout, /\| Time to first message \| 0\/30 \| No public message \(target: 30 min\) \|/);
    assert.match(report.stdout, /@public_figure — Massive hack over there/);
  });
});
