import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { createDrill } from '../../services/drills/create-drill.ts';
import { drillReport, reportFormats, type ReportFormat } from '../../services/drills/drill-report.ts';
import { finishDrill } from '../../services/drills/finish-drill.ts';
import { getDrill } from '../../services/drills/get-drill.ts';
import { listScenarios } from '../../services/drills/list-scenarios.ts';
import { startDrill } from '../../services/drills/start-drill.ts';
import type { PresentedDrill } from '../../services/drills/present-drill.ts';
import { UsageError } from './main.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

type Language = 'fr' | 'en';
const languageOf = (value: string | undefined): Language => (value === 'fr' ? 'fr' : 'en');

function summary(drill: PresentedDrill, language: Language): string {
  const lines = [
    `drill ${drill.id}: ${drill.scenario.title[language]} — ${drill.state}, ×${drill.speed}`,
    `sandbox workspace: ${drill.sandbox.slug}`,
  ];
  if (drill.drill_time) lines.push(`drill time: ${drill.drill_time} (minute ${drill.drill_minutes}); injects delivered ${drill.injects.length}/${drill.injects_total}; ${drill.sink_count} message(s) caught by the drill sink`);
  const score = drill.score as { total: number } | null;
  if (score) lines.push(`score: ${score.total}/100 — "tocsin drill report ${drill.id}" for the after-action report`);
  return `${lines.join('\n')}\n`;
}

/** `tocsin drill …`: the scenario library, start and finish a drill, its after-action report. */
export function registerDrillCommands(program: Command) {
  const drill = program.command('drill').description('Simulation exercises in a sandbox of the workspace, on an accelerated clock');
  drill
    .command('scenarios')
    .description('The scenario library: key, title, target for the first message, injects')
    .option('--lang <fr|en>', 'the language of the titles', 'en')
    .option('--json', 'print the library as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (options: { lang?: string; json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const library = listScenarios({ ctx: await cliCtx(runtime, options.workspace) });
        if (options.json) return printJson(library);
        const language = languageOf(options.lang);
        for (const s of library.scenarios) {
          process.stdout.write(`${s.key.padEnd(24)} ${s.title[language]} — first message within ${s.first_message_minutes} min, ${s.injects.length} injects over ${s.duration_minutes} min\n`);
        }
      });
    });
  drill
    .command('start <scenario>')
    .description('Prepare a sandbox copy of the workspace and start the scenario\'s clock')
    .option('--speed <n>', 'drill minutes per real minute (1 to 600)', '60')
    .option('--json', 'print the drill as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (scenario: string, options: { speed: string; json?: boolean; workspace?: string }) => {
      const speed = Number(options.speed);
      if (!Number.isInteger(speed)) throw new UsageError(`--speed must be a whole number of drill minutes per real minute, not "${options.speed}".`);
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const created = await createDrill({ ctx, input: { scenario, speed } });
        const started = await startDrill({ ctx, id: created.id });
        if (options.json) printJson(started);
        else process.stdout.write(`${summary(started, 'en')}Participants join it from the console (Drills) or with POST /api/admin/drills/${started.id}/join.\n`);
      });
    });
  drill
    .command('status <id>')
    .description('A drill\'s state, drill clock, injects delivered and messages caught by the sink')
    .option('--json', 'print the drill as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (id: string, options: { json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const found = await getDrill({ ctx: await cliCtx(runtime, options.workspace), id });
        if (options.json) printJson(found);
        else process.stdout.write(summary(found, 'en'));
      });
    });
  drill
    .command('finish <id>')
    .description('Stop the drill\'s clock and score it')
    .option('--json', 'print the drill as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (id: string, options: { json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const finished = await finishDrill({ ctx: await cliCtx(runtime, options.workspace), id });
        if (options.json) printJson(finished);
        else process.stdout.write(summary(finished, 'en'));
      });
    });
  drill
    .command('report <id>')
    .description('The after-action report of a finished drill (Markdown on stdout, or HTML/PDF to a file)')
    .option('--format <md|html|pdf>', 'the format', 'md')
    .option('--lang <fr|en>', 'the language (default: the workspace\'s)')
    .option('--out <file>', 'write to this file instead of stdout (required for PDF)')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (id: string, options: { format: string; lang?: string; out?: string; workspace?: string }) => {
      if (!reportFormats.includes(options.format as ReportFormat)) throw new UsageError(`--format must be one of ${reportFormats.join(', ')}.`);
      if (options.format === 'pdf' && !options.out) throw new UsageError('A PDF goes to a file: add --out <file>.');
      await withRuntime(async (runtime) => {
        const file = await drillReport({ ctx: await cliCtx(runtime, options.workspace), id, format: options.format as ReportFormat, language: options.lang ? languageOf(options.lang) : undefined });
        if (options.out) {
          writeFileSync(options.out, file.body);
          process.stdout.write(`Report written to ${options.out}.\n`);
        } else process.stdout.write(typeof file.body === 'string' ? file.body : file.body.toString('utf8'));
      });
    });
}
