/** What drill time is computed from: the drill row's clock columns. */
export interface DrillClock {
  speed: number;
  /** Real time the drill started; null while prepared. */
  startedAt: Date | null;
  /** Drill time at that moment. */
  drillStartedAt: Date | null;
  /** Real time it finished: drill time stops there. */
  finishedAt: Date | null;
}

/**
 * Drill time at real time `now`: drill_started_at + (now − started_at) × speed, frozen once the drill
 * finished. Before it starts, drill time is real time.
 */
export function drillTime(clock: DrillClock, now: Date): Date {
  if (!clock.startedAt || !clock.drillStartedAt) return now;
  const realNow = clock.finishedAt && clock.finishedAt < now ? clock.finishedAt : now;
  const elapsedMs = Math.max(0, realNow.getTime() - clock.startedAt.getTime());
  return new Date(clock.drillStartedAt.getTime() + elapsedMs * clock.speed);
}

/** Whole drill minutes since the drill's start at real time `now`. */
export function drillMinutes(clock: DrillClock, now: Date): number {
  if (!clock.drillStartedAt) return 0;
  return Math.floor((drillTime(clock, now).getTime() - clock.drillStartedAt.getTime()) / 60_000);
}

/** The real time at which drill minute `minute` comes (for scheduling an inject's delivery). */
export function realTimeOf(clock: DrillClock, minute: number): Date | null {
  if (!clock.startedAt) return null;
  return new Date(clock.startedAt.getTime() + Math.ceil((minute * 60_000) / clock.speed));
}

export const drillSpeeds = [1, 10, 30, 60, 120] as const;
