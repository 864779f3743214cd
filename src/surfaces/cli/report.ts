import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { MonthFigures } from '../../domain/reports/figures.ts';
import { exportIncidentReport, reportFormats, reportVersions, type ReportFormat } from '../../services/reports/export-report.ts';
import { workspaceFigures } from '../../services/reports/workspace-figures.ts';
import { UsageError } from './main.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`Unknown ${what} "${value}" (use ${allowed.join(', ')}).`);
  return value as T;
}

const cell = (value: number | null, unit = '') => (value === null ? '—' : `${value}${unit}`);

/** One line per month, in columns a terminal reads. */
export function figureLines(months: readonly MonthFigures[]): string[] {
  const head = ['month', 'incidents', 'first msg median', 'p90', 'on time', 'delivered'];
  const rows = months.map((m) => [
    m.month, String(m.incidents), cell(m.first_message.median_minutes, ' min'), cell(m.first_message.p90_minutes, ' min'), cell(m.punctuality.percent, ' %'), cell(m.delivery.success_percent, ' %'),
  ]);
  const widths = head.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  return [head, ...rows].map((row) => row.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  '));
}

export function registerReportCommands(program: Command) {
  const report = program
    .command('report')
    .description('The post-crisis report of an incident (internal or public, Markdown, HTML, PDF or JSON); "report figures" for the workspace figures')
    .argument('[incident]', 'the incident id')
    .option('--version <version>', `${reportVersions.join(' or ')}`, 'internal')
    .option('--language <language>', 'fr or en', 'fr')
    .option('--format <format>', reportFormats.join(', '), 'md')
    .option('--out <file>', 'write the report to this file (needed for pdf)')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (incidentId: string | undefined, options: { version: string; language: string; format: string; out?: string; workspace?: string }) => {
      if (!incidentId) throw new UsageError('Name the incident: tocsin report <incident-id> [--version public] [--format pdf --out report.pdf].');
      const version = oneOf('version', options.version, reportVersions);
      const language = oneOf('language', options.language, ['fr', 'en'] as const);
      const format: ReportFormat = oneOf('format', options.format, reportFormats);
      if (format === 'pdf' && !options.out) throw new UsageError('A PDF goes to a file: add --out report.pdf.');
      await withRuntime(async (runtime) => {
        const file = await exportIncidentReport({ ctx: await cliCtx(runtime, options.workspace), incidentId, version, language, format });
        if (!options.out) {
          process.stdout.write(file.body);
          return;
        }
        writeFileSync(options.out, file.body);
        process.stdout.write(`Wrote the ${version} report (${language}, ${format}, ${file.body.length} bytes) to ${options.out}.\n`);
      });
    });
  report
    .command('figures')
    .description('Figures across incidents per month: time to first public message (median, p90), promised updates on time, deliveries that arrived')
    .option('--from <month>', 'first month, yyyy-mm (default: eleven months before --to)')
    .option('--to <month>', 'last month, yyyy-mm (default: this month)')
    .option('--json', 'print the figures as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (options: { from?: string; to?: string; json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const figures = await workspaceFigures({ ctx: await cliCtx(runtime, options.workspace), input: { from: options.from, to: options.to } });
        if (options.json) printJson(figures);
        else process.stdout.write(`${figureLines(figures.months).join('\n')}\n(${figures.time_zone})\n`);
      });
    });
}
