import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { impliedComponentStatus } from './impact.ts';
import type { ComponentStatus } from '../component/status.ts';
import type { Impact } from './lifecycle.ts';

describe('impliedComponentStatus', () => {
  const cases: Array<[Impact, ComponentStatus, ComponentStatus | null]> = [
    ['critical', 'operational', 'major_outage'],
    ['major', 'operational', 'partial_outage'],
    ['minor', 'operational', 'degraded_performance'],
    ['none', 'operational', null],
    ['minor', 'major_outage', null],
    ['major', 'partial_outage', null],
    ['major', 'degraded_performance', 'partial_outage'],
    ['minor', 'under_maintenance', 'degraded_performance'],
  ];
  for (const [impact, current, expected] of cases) {
    it(`a ${impact} incident on a component in ${current} sets ${expected ?? 'nothing'}`, () => {
      assert.equal(impliedComponentStatus(impact, current), expected);
    });
  }
});
