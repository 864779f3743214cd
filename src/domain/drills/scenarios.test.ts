import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scenarios, findScenario } from './scenarios.ts';
import { dueInjects, injectKinds, mapComponents } from './scenario.ts';

describe('drill scenarios', () => {
  it('the library holds the five cases of the seeds, each in French and English with 6 to 10 injects', () => {
    assert.deepEqual(scenarios.map((s) => s.key), ['national-mobile-outage', 'datacenter-fire', 'customer-data-breach', 'public-figure-rumor', 'saas-partial-outage']);
    for (const scenario of scenarios) {
      assert.ok(scenario.injects.length >= 6 && scenario.injects.length <= 10, scenario.key);
      for (const text of [scenario.title, scenario.briefing, scenario.incidentName, ...scenario.injects.flatMap((i) => [i.text, i.from])]) {
        assert.ok(text.fr.trim() && text.en.trim() && text.fr !== text.en, `${scenario.key}: "${text.en}" has both languages`);
        assert.doesNotMatch(text.fr, /[a-zà-ü]'[a-zà-ü]/i, `${scenario.key}: French uses the typographic apostrophe`);
      }
      assert.equal(new Set(scenario.injects.map((i) => i.key)).size, scenario.injects.length, `${scenario.key}: inject keys are unique`);
      assert.ok(scenario.injects.every((i) => injectKinds.includes(i.kind) && i.atMinute >= 0 && i.atMinute <= scenario.durationMinutes));
      assert.ok(scenario.components.length > 0);
    }
  });

  it('the injects come due in drill-time order', () => {
    const fire = findScenario('datacenter-fire')!;
    assert.deepEqual(dueInjects(fire, 0).map((i) => i.key), ['alert-fire']);
    assert.deepEqual(dueInjects(fire, 61).map((i) => i.key), ['alert-fire', 'customer-dr', 'social-seveso']);
    assert.equal(dueInjects(fire, 10_000).length, fire.injects.length);
  });

  it('the scenario\'s roles are played by the sandbox components in order; the ones missing are created', () => {
    const outage = findScenario('national-mobile-outage')!;
    assert.deepEqual(mapComponents(outage, ['api']).map((m) => [m.role.role, m.component]), [['voice', 'api'], ['sms', null], ['data', null]]);
    assert.equal(findScenario('nope'), undefined);
  });
});
