import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ComponentStatus } from '../../domain/component/status.ts';
import { sampleSnapshot } from '../../../test/fixtures/snapshot.ts';
import { rollUp, type Indicator } from './rollup.ts';

const base = sampleSnapshot();
const quiet = (statuses: ComponentStatus[], extra: { impact?: 'none' | 'minor' | 'major' | 'critical'; isOpen?: boolean; isMaintenanceActive?: boolean } = {}) => ({
  components: statuses.map((status, index) => ({ ...base.components[0]!, id: `c${index}`, status })),
  incidents: extra.impact ? [{ ...base.incidents[0]!, impact: extra.impact, status: extra.isOpen === false ? ('resolved' as const) : ('identified' as const) }] : [],
  maintenances: extra.isMaintenanceActive ? [base.maintenances[1]!] : [base.maintenances[0]!, base.maintenances[2]!],
});

describe('the overall status of the page', () => {
  const table: [string, ReturnType<typeof quiet>, Indicator, string][] = [
    ['everything operational', quiet(['operational', 'operational']), 'none', 'All Systems Operational'],
    ['no component at all', quiet([]), 'none', 'All Systems Operational'],
    ['one component degraded', quiet(['operational', 'degraded_performance']), 'minor', 'Partially Degraded Service'],
    ['every component degraded', quiet(['degraded_performance', 'degraded_performance']), 'minor', 'Degraded System Service'],
    ['a partial outage', quiet(['partial_outage', 'degraded_performance']), 'minor', 'Minor Service Outage'],
    ['one major outage among others', quiet(['major_outage', 'operational']), 'major', 'Partial System Outage'],
    ['every component in major outage', quiet(['major_outage', 'major_outage']), 'critical', 'Major System Outage'],
    ['a component under maintenance', quiet(['under_maintenance', 'operational']), 'maintenance', 'Service Under Maintenance'],
    ['maintenance does not hide a degradation', quiet(['under_maintenance', 'degraded_performance']), 'minor', 'Partially Degraded Service'],
    ['a maintenance in progress, components untouched', quiet(['operational'], { isMaintenanceActive: true }), 'maintenance', 'Service Under Maintenance'],
    ['an open incident of major impact, components operational', quiet(['operational'], { impact: 'major' }), 'major', 'Partial System Outage'],
    ['an open critical incident outranks a degradation', quiet(['degraded_performance'], { impact: 'critical' }), 'critical', 'Major System Outage'],
    ['a minor incident does not lower a major outage', quiet(['major_outage', 'major_outage'], { impact: 'minor' }), 'critical', 'Major System Outage'],
    ['a resolved incident counts for nothing', quiet(['operational'], { impact: 'critical', isOpen: false }), 'none', 'All Systems Operational'],
  ];
  for (const [name, input, indicator, description] of table) {
    it(`${name}: ${indicator}, "${description}"`, () => {
      const rollup = rollUp(input);
      assert.equal(rollup.indicator, indicator);
      assert.equal(rollup.description, description);
    });
  }

  it('does not depend on the order of components or incidents', () => {
    const input = quiet(['operational', 'major_outage', 'degraded_performance'], { impact: 'minor' });
    assert.deepEqual(rollUp({ ...input, components: [...input.components].reverse() }), rollUp(input));
  });
});
