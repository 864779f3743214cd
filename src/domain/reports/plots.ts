import type { TimelineGap } from '../incident/timeline.ts';
import { formatClock, formatCount, formatDate } from '../message/format.ts';
import type { Scene, Shape, Tone } from './document.ts';
import type { PromisedUpdate } from './measures.ts';
import { say, type ReportLanguage } from './texts.ts';

const width = 720;
const day = 86_400_000;

interface Axis {
  start: number;
  end: number;
  left: number;
  right: number;
}

const xOf = (axis: Axis, at: number) => axis.left + ((at - axis.start) / (axis.end - axis.start)) * (axis.right - axis.left);

function timeLabel(at: number, axis: Axis, language: ReportLanguage, timeZone: string): string {
  const date = new Date(at);
  const clock = formatClock(date, language, timeZone);
  return axis.end - axis.start > day ? `${formatDate(date, language, timeZone, date)} ${clock}` : clock;
}

function timeAxis(axis: Axis, y: number, language: ReportLanguage, timeZone: string): Shape[] {
  const shapes: Shape[] = [{ kind: 'line', x1: axis.left, y1: y, x2: axis.right, y2: y, stroke: 'muted' }];
  for (let i = 0; i <= 4; i++) {
    const at = axis.start + ((axis.end - axis.start) * i) / 4;
    const x = xOf(axis, at);
    shapes.push({ kind: 'line', x1: x, y1: y, x2: x, y2: y + 4, stroke: 'muted' });
    shapes.push({ kind: 'text', x, y: y + 16, text: timeLabel(at, axis, language, timeZone), anchor: i === 0 ? 'start' : i === 4 ? 'end' : 'middle', tone: 'muted', size: 10 });
  }
  return shapes;
}

export interface TimelinePlotInput {
  language: ReportLanguage;
  timeZone: string;
  detectedAt: Date;
  end: Date;
  firstMessageDueAt: Date;
  updates: Date[];
  gaps: readonly TimelineGap[];
  promised: readonly PromisedUpdate[];
}

/** Public updates as dots, the silences between them as bars (late ones red), and each promised time as a tick. */
export function timelineScene(input: TimelinePlotInput): Scene {
  const { language: l } = input;
  const times = [input.detectedAt, input.end, ...input.updates, ...input.promised.map((p) => new Date(p.due_at))].map((d) => d.getTime());
  const start = Math.min(...times);
  const axis: Axis = { start, end: Math.max(Math.max(...times), start + 60_000), left: 120, right: width - 20 };
  const rows = { silence: 44, update: 88, promise: 122 };
  const shapes: Shape[] = [];
  for (const [key, y] of Object.entries(rows) as Array<[keyof typeof rows, number]>) {
    shapes.push({ kind: 'text', x: 8, y: y + 4, text: say(l, `plot.row.${key}`), anchor: 'start', tone: 'text', size: 11 });
    shapes.push({ kind: 'line', x1: axis.left, y1: y, x2: axis.right, y2: y, stroke: 'grid' });
  }
  for (const gap of input.gaps) {
    const x = xOf(axis, Date.parse(gap.from));
    shapes.push({ kind: 'rect', x, y: rows.silence - 9, width: xOf(axis, Date.parse(gap.to)) - x, height: 18, fill: gap.late ? 'late' : 'quiet' });
  }
  for (const at of input.updates) shapes.push({ kind: 'circle', cx: xOf(axis, at.getTime()), cy: rows.update, r: 5, fill: 'series0' });
  for (const promise of input.promised) {
    const x = xOf(axis, Date.parse(promise.due_at));
    const tone: Tone = promise.on_time === true ? 'ok' : promise.on_time === false ? 'late' : 'muted';
    shapes.push({ kind: 'rect', x: x - 2, y: rows.promise - 8, width: 4, height: 16, fill: tone });
  }
  const dueX = xOf(axis, input.firstMessageDueAt.getTime());
  if (dueX >= axis.left && dueX <= axis.right) {
    shapes.push({ kind: 'line', x1: dueX, y1: 22, x2: dueX, y2: rows.promise + 14, stroke: 'late', isDashed: true });
    shapes.push({ kind: 'text', x: dueX + 4, y: 18, text: say(l, 'plot.firstDeadline'), anchor: 'start', tone: 'late', size: 10 });
  }
  shapes.push(...timeAxis(axis, 150, l, input.timeZone));
  const late = input.gaps.filter((g) => g.late).length;
  const longest = Math.max(0, ...input.gaps.map((g) => g.minutes));
  return {
    width, height: 176, shapes,
    title: say(l, 'plot.timeline.title'),
    description: say(l, 'plot.timeline.desc', { updates: input.updates.length, gaps: input.gaps.length, late, longest }),
  };
}

export interface DeliveryCurve {
  channel: string;
  /** Cumulative deliveries sent, oldest first. */
  points: Array<{ at: Date; sent: number }>;
}

/** Deliveries sent over time, one cumulative line per channel. */
export function deliveryScene(curves: readonly DeliveryCurve[], language: ReportLanguage, timeZone: string, channelName: (channel: string) => string): Scene | null {
  const drawn = curves.filter((c) => c.points.length > 0);
  if (drawn.length === 0) return null;
  const times = drawn.flatMap((c) => c.points.map((p) => p.at.getTime()));
  const start = Math.min(...times);
  const axis: Axis = { start, end: Math.max(Math.max(...times), start + 60_000), left: 64, right: width - 150 };
  const top = 16;
  const bottom = 190;
  const max = Math.max(1, ...drawn.map((c) => c.points.at(-1)!.sent));
  const yOf = (sent: number) => bottom - (sent / max) * (bottom - top);
  const shapes: Shape[] = [
    { kind: 'line', x1: axis.left, y1: top, x2: axis.left, y2: bottom, stroke: 'muted' },
    { kind: 'line', x1: axis.left, y1: top, x2: axis.right, y2: top, stroke: 'grid' },
    { kind: 'text', x: axis.left - 6, y: top + 4, text: formatCount(max, language), anchor: 'end', tone: 'muted', size: 10 },
    { kind: 'text', x: axis.left - 6, y: bottom + 4, text: '0', anchor: 'end', tone: 'muted', size: 10 },
  ];
  drawn.forEach((curve, i) => {
    const tone = `series${i % 6}` as Tone;
    // A step line: the count holds until the next delivery is sent.
    const points: Array<[number, number]> = [[xOf(axis, curve.points[0]!.at.getTime()), yOf(0)]];
    let previous = 0;
    for (const point of curve.points) {
      const x = xOf(axis, point.at.getTime());
      points.push([x, yOf(previous)], [x, yOf(point.sent)]);
      previous = point.sent;
    }
    points.push([axis.right, yOf(previous)]);
    shapes.push({ kind: 'polyline', points, stroke: tone });
    shapes.push({ kind: 'rect', x: axis.right + 14, y: top + i * 18, width: 12, height: 4, fill: tone });
    shapes.push({ kind: 'text', x: axis.right + 32, y: top + 5 + i * 18, text: `${channelName(curve.channel)} (${formatCount(previous, language)})`, anchor: 'start', tone: 'text', size: 11 });
  });
  shapes.push(...timeAxis(axis, bottom, language, timeZone));
  const parts = drawn.map((c) => `${channelName(c.channel)} ${formatCount(c.points.at(-1)!.sent, language)}`);
  return { width, height: 220, shapes, title: say(language, 'plot.delivery.title'), description: say(language, 'plot.delivery.desc', { parts: parts.join(', ') }) };
}
