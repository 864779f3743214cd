import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCadence, defaultNextUpdateAt } from './next-update.ts';
import { incidentStages, isFinal, needsNextUpdate, statusOnPublish } from './stages.ts';

describe('stages', () => {
  it('the status an incident update takes from each stage', () => {
    const table = Object.fromEntries(incidentStages.map((stage) => [stage, statusOnPublish(stage, 'identified')]));
    assert.deepEqual(table, {
      first: 'identified',
      update: 'identified',
      identified: 'identified',
      monitoring: 'monitoring',
      resolved: 'resolved',
      closing: 'postmortem',
      breach_notice: 'identified',
      compensation: 'identified',
      rumor_correction: 'identified',
    });
    assert.throws(() => statusOnPublish('maintenance_notice', 'investigating'), /maintenance/);
  });

  it('a public message while the incident runs needs its next update; a final one promises none', () => {
    assert.deepEqual(incidentStages.filter(needsNextUpdate), ['first', 'update', 'identified', 'monitoring']);
    assert.deepEqual(incidentStages.filter(isFinal), ['resolved', 'closing']);
  });

  it('the default next update is now plus the impact\'s cadence, on a five-minute mark', () => {
    const now = new Date('2026-03-10T14:02:00Z');
    assert.equal(defaultNextUpdateAt(now, 'critical', defaultCadence).toISOString(), '2026-03-10T14:35:00.000Z');
    assert.equal(defaultNextUpdateAt(now, 'major', defaultCadence).toISOString(), '2026-03-10T15:05:00.000Z');
    assert.equal(defaultNextUpdateAt(now, 'minor', defaultCadence).toISOString(), '2026-03-10T15:35:00.000Z');
    assert.equal(defaultNextUpdateAt(new Date('2026-03-10T14:00:00Z'), 'major', { ...defaultCadence, major: 45 }).toISOString(), '2026-03-10T14:45:00.000Z');
  });
});
