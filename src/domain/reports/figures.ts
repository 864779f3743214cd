import { median, percentile, ratioPercent } from './measures.ts';

/** What the workspace figures need of one incident. */
export interface IncidentFigures {
  id: string;
  detectedAt: Date;
  firstPublicAt: Date | null;
  /** Promised next updates that fell due: kept on time, or broken. */
  promisesOnTime: number;
  promisesLate: number;
  deliveries: { sent: number; failed: number; dead: number };
}

export interface MonthFigures {
  /** yyyy-mm in the workspace's time zone, the month the incident was detected in. */
  month: string;
  incidents: number;
  first_message: { count: number; median_minutes: number | null; p90_minutes: number | null };
  punctuality: { on_time: number; late: number; percent: number | null };
  delivery: { sent: number; failed: number; dead: number; success_percent: number | null };
}

export function monthOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** Every month from `from` to `to` (yyyy-mm, inclusive), so a month without incidents shows as such. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Per month: time to first public message (median, p90), punctuality and delivery success across its incidents. */
export function monthlyFigures(incidents: readonly IncidentFigures[], months: readonly string[], timeZone: string): MonthFigures[] {
  const byMonth = new Map(months.map((month) => [month, [] as IncidentFigures[]]));
  for (const incident of incidents) byMonth.get(monthOf(incident.detectedAt, timeZone))?.push(incident);
  return months.map((month) => {
    const mine = byMonth.get(month)!;
    const firsts = mine.flatMap((i) => (i.firstPublicAt ? [Math.round((i.firstPublicAt.getTime() - i.detectedAt.getTime()) / 60_000)] : []));
    const onTime = mine.reduce((sum, i) => sum + i.promisesOnTime, 0);
    const late = mine.reduce((sum, i) => sum + i.promisesLate, 0);
    const delivery = { sent: 0, failed: 0, dead: 0 };
    for (const i of mine) for (const key of ['sent', 'failed', 'dead'] as const) delivery[key] += i.deliveries[key];
    return {
      month,
      incidents: mine.length,
      first_message: { count: firsts.length, median_minutes: median(firsts), p90_minutes: percentile(firsts, 90) },
      punctuality: { on_time: onTime, late, percent: ratioPercent(onTime, onTime + late) },
      delivery: { ...delivery, success_percent: ratioPercent(delivery.sent, delivery.sent + delivery.failed + delivery.dead) },
    };
  });
}
