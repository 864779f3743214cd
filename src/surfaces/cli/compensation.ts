import type { Command } from 'commander';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { exportEligible } from '../../services/compensation/export-eligible.ts';
import { incidentOfGesture, listGestures } from '../../services/compensation/list-gestures.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

type Gesture = Awaited<ReturnType<typeof listGestures>>['gestures'][number];

/** One line per gesture: id, state, the offer, when it is due, and what became of its promise. */
export function gestureLine(gesture: Gesture): string {
  const promise = gesture.promise ? `promise ${gesture.promise.overdue ? 'overdue' : gesture.promise.state}` : 'no promise yet';
  const due = gesture.due_at ? `due ${gesture.due_at.slice(0, 16).replace('T', ' ')} UTC` : 'no due date';
  return `${gesture.id}  ${gesture.state.padEnd(10)}  ${gesture.offer.en}  (${due}; ${promise})`;
}

/**
 * The export's progress on standard error: a bar redrawn in place on a terminal, a line per tenth in
 * a log. Standard output stays free for the CSV when no --out is given.
 */
export function progressLine(done: number, total: number): string {
  const percent = total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
  return `[${'#'.repeat(Math.round(percent / 5)).padEnd(20, '.')}] ${String(percent).padStart(3)} % ${done}/${total} people`;
}

export function registerCompensationCommands(program: Command) {
  const compensation = program.command('compensation').description('Compensation gestures after an incident: list them, export the eligible customers');
  compensation
    .command('list <incident-id>')
    .description('The incident\'s gestures with their state and their promise\'s')
    .option('--json', 'print them as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (incidentId: string, options: { json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const { gestures } = await listGestures({ ctx: await cliCtx(runtime, options.workspace), incidentId });
        if (options.json) return printJson(gestures);
        if (gestures.length === 0) process.stdout.write('No compensation gesture for this incident.\n');
        for (const gesture of gestures) process.stdout.write(`${gestureLine(gesture)}\n`);
      });
    });
  compensation
    .command('export <gesture-id>')
    .description('Write the customers eligible for a gesture as CSV (one row per address), with a progress line')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (gestureId: string, options: { out?: string; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const incidentId = await incidentOfGesture({ ctx, gestureId });
        const { total, chunks } = await exportEligible({ ctx, incidentId, gestureId });
        const isTty = process.stderr.isTTY === true;
        let done = 0;
        let lastTenth = -1;
        const report = () => {
          if (isTty) return void process.stderr.write(`\r${progressLine(done, total)}\u001b[K`);
          const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
          if (tenth > lastTenth) {
            lastTenth = tenth;
            process.stderr.write(`${progressLine(done, total)}\n`);
          }
        };
        const out = options.out ? createWriteStream(`${options.out}.${process.pid}.partial`, { flags: 'wx' }) : process.stdout;
        try {
          for await (const chunk of chunks) {
            if (!out.write(chunk.csv)) await once(out, 'drain');
            done += chunk.people;
            report();
          }
          if (isTty) process.stderr.write('\n');
          if (options.out) {
            out.end();
            await finished(out);
            await rename(`${options.out}.${process.pid}.partial`, options.out);
          }
        } catch (error) {
          if (options.out) {
            (out as ReturnType<typeof createWriteStream>).destroy();
            await rm(`${options.out}.${process.pid}.partial`, { force: true });
          }
          throw error;
        }
        process.stderr.write(`Exported ${done} eligible ${done === 1 ? 'person' : 'people'}${options.out ? ` to ${options.out}` : ''}.\n`);
      });
    });
}
