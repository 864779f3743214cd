import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { lint, LintConfigError, type Channel, type Finding, type LintFacts, type LintLanguage, type Stage } from '../../domain/linter/index.ts';
import { lintFactsFromSheet } from '../../services/facts/lint-facts.ts';
import { ExitStatus, UsageError } from './main.ts';

interface LintOptions {
  lang: string;
  audience: string;
  stage: string;
  channel: string;
  network?: string;
  subject?: string;
  facts?: string;
  incidentOpen?: boolean;
  format: string;
}

/**
 * `tocsin lint`: the doctrine linter on a file or standard input, offline (no database). Exit 0
 * without an error-level finding, 1 with one, 2 on a usage error.
 */
export function registerLintCommand(program: Command) {
  program
    .command('lint <file>')
    .description('Check a message against the crisis-communication doctrine ("-" reads standard input)')
    .option('--lang <fr|en>', 'the message language', 'en')
    .option('--audience <id>', 'who reads it (customers, technical_customers, press, …)', 'customers')
    .option('--stage <id>', 'first, update, identified, monitoring, resolved, closing, breach_notice, compensation, rumor_correction, maintenance_notice', 'update')
    .option('--channel <id>', 'status_page, email, sms, chat, social, support_script, press', 'status_page')
    .option('--network <id>', 'for social posts: x, mastodon, bluesky, linkedin, facebook')
    .option('--subject <text>', 'the e-mail subject')
    .option('--facts <file>', "the incident's fact sheet, as GET /api/admin/incidents/{id}/facts returns it")
    .option('--incident-open', 'an incident is running (for promotional posts), when no fact sheet is given')
    .option('--no-incident-open', 'no incident is running')
    .option('--format <text|json>', 'how to print the findings', 'text')
    .action(async (file: string, options: LintOptions) => {
      if (!['text', 'json'].includes(options.format)) throw new UsageError(`--format must be text or json, not "${options.format}".`);
      if (!['fr', 'en'].includes(options.lang)) throw new UsageError(`--lang must be fr or en, not "${options.lang}".`);
      const text = await readText(file);
      const facts = options.facts ? await readFacts(options.facts) : options.incidentOpen === undefined ? undefined : bareFacts(options.incidentOpen);
      let findings: Finding[];
      try {
        findings = lint({
          text,
          subject: options.subject,
          language: options.lang as LintLanguage,
          stage: options.stage as Stage,
          audience: options.audience,
          channel: options.channel as Channel,
          network: options.network as never,
          facts,
        });
      } catch (error) {
        if (error instanceof LintConfigError) throw new UsageError(error.message);
        throw error;
      }
      process.stdout.write(options.format === 'json' ? `${JSON.stringify({ findings: findings.map(jsonFinding) }, null, 2)}\n` : textReport(file, text, options.subject, findings));
      if (findings.some((finding) => finding.severity === 'error')) throw new ExitStatus(1);
    });
}

async function readText(file: string): Promise<string> {
  try {
    const bytes = file === '-' ? await readStdin() : await readFile(file);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch (error) {
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readFacts(file: string): Promise<LintFacts> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the fact sheet ${file}: ${(error as Error).message}`);
  }
  return lintFactsFromSheet(json);
}

function bareFacts(incidentOpen: boolean): LintFacts {
  return { incidentOpen, personalDataBreach: false, figures: {}, affectedComponents: [], unconfirmed: [], keyMessages: [] };
}

const jsonFinding = (finding: Finding) => ({
  rule: finding.rule,
  severity: finding.severity,
  start: finding.start,
  end: finding.end,
  field: finding.field ?? 'text',
  message: finding.message,
  suggestion: finding.suggestion ?? null,
  doctrine: finding.doctrine,
});

/** `file:line:column  severity  rule  message`, as compilers print, then the fix and the doctrine. */
function textReport(file: string, text: string, subject: string | undefined, findings: Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const name = file === '-' ? '<stdin>' : file;
  const lines = findings.map((finding) => {
    const source = finding.field === 'subject' ? (subject ?? '') : text;
    const { line, column } = position(source, finding.start);
    const where = finding.field === 'subject' ? `${name}[subject]:${column}` : `${name}:${line}:${column}`;
    const fix = finding.suggestion === undefined ? '' : `\n    → ${finding.suggestion}`;
    return `${where}  ${finding.severity}  ${finding.rule}  ${finding.message}${fix}\n    (${finding.doctrine})`;
  });
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return `${lines.join('\n')}\n${findings.length} finding${findings.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}.\n`;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
