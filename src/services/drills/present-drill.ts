import type { Row } from '../../adapters/db/schema.ts';
import { drillMinutes, drillTime } from '../../domain/drills/clock.ts';
import type { DrillScore } from '../../domain/drills/score.ts';
import { clockOf, scenarioOf } from './internal.ts';

export interface DeliveredInject {
  inject_key: string;
  drill_at: Date;
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** A drill as the API shows it: state, drill clock, the injects delivered so far, what the sink caught. */
export function presentDrill(row: Row<'drills'>, { now, sandboxSlug, injects, sink }: { now: Date; sandboxSlug: string; injects: DeliveredInject[]; sink: number }) {
  const scenario = scenarioOf(row);
  const clock = clockOf(row);
  const delivered = new Map(injects.map((i) => [i.inject_key, i.drill_at]));
  return {
    id: row.id,
    scenario: { key: scenario.key, title: scenario.title, first_message_minutes: scenario.firstMessageMinutes, duration_minutes: scenario.durationMinutes },
    speed: row.speed,
    state: row.state,
    sandbox: { workspace_id: row.sandbox_workspace_id, slug: sandboxSlug },
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    drill_started_at: iso(row.drill_started_at),
    drill_time: row.state === 'prepared' ? null : drillTime(clock, now).toISOString(),
    drill_minutes: row.state === 'prepared' ? 0 : drillMinutes(clock, now),
    injects: scenario.injects
      .filter((inject) => delivered.has(inject.key))
      .map((inject) => ({ key: inject.key, kind: inject.kind, at_minute: inject.atMinute, drill_at: delivered.get(inject.key)!.toISOString(), from: inject.from, text: inject.text, expects: inject.expects ?? null })),
    injects_total: scenario.injects.length,
    sink_count: sink,
    score: (row.score as DrillScore | null) ?? null,
    created_by: row.created_by_name,
    created_at: row.created_at.toISOString(),
    version: row.version,
  };
}
export type PresentedDrill = ReturnType<typeof presentDrill>;
