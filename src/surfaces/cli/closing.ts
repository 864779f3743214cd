import type { Command } from 'commander';
import { getClosingCheck } from '../../services/closing/get-closing-check.ts';
import { getClosingDraft } from '../../services/closing/get-closing-draft.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

type Check = Awaited<ReturnType<typeof getClosingCheck>>;
type Draft = Awaited<ReturnType<typeof getClosingDraft>>;

const due = (at: string | null, overdue: boolean) => (at ? ` due ${at}${overdue ? ' (overdue)' : ''}` : '');

/** What blocks the public close, one promise per line, then what is carried on the follow-up list. */
export function checkLines(check: Check): string[] {
  const lines = check.can_close
    ? [`Incident ${check.incident_id} (${check.status}) can be closed publicly: no promise is pending.`]
    : [
      `Incident ${check.incident_id} (${check.status}) cannot be closed publicly yet: ${check.blockers.length} pending promise${check.blockers.length > 1 ? 's' : ''}.`,
      ...check.blockers.map((b) => `  ${b.id}  ${b.promise_kind.padEnd(16)} ${b.text}${due(b.due_at, b.overdue)}`),
      'Keep each, move it to the follow-up list, or drop it with a reason (console, or POST /api/admin/incidents/<id>/promises/<promise>/keep|follow-up|drop).',
    ];
  if (check.next_update_promises_settled_by_close > 0) lines.push(`The closing update settles the ${check.next_update_promises_settled_by_close} pending next-update promise${check.next_update_promises_settled_by_close > 1 ? 's' : ''} itself.`);
  if (check.follow_ups.length > 0) {
    lines.push('On the follow-up list (tracked after the close):');
    lines.push(...check.follow_ups.map((p) => `  ${p.id}  ${p.promise_kind.padEnd(16)} ${p.text}${due(p.due_at, p.overdue)}`));
  }
  return lines;
}

/** The draft as a person reads it: the subject, the text, then the sections still to write. */
export function draftText(draft: Draft): string {
  const header = `Closing draft · ${draft.audience} · ${draft.language} · ${draft.channel}`;
  const missing = draft.missing.length > 0 ? `\n\nStill to write (marked in the text): ${draft.missing.join(', ')}.` : '';
  return `${header}\n${'-'.repeat(header.length)}\n${draft.subject ? `Subject: ${draft.subject}\n\n` : ''}${draft.body}${missing}\n`;
}

export function registerClosingCommands(program: Command) {
  const closing = program.command('closing').description('Close an incident: the promises that block it, and the closing message');
  closing
    .command('check <incident-id>')
    .description('List the pending promises that keep the incident from closing publicly, and the follow-up list')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--json', 'print the check as JSON')
    .action(async (incidentId: string, options: { workspace?: string; json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const check = await getClosingCheck({ ctx: await cliCtx(runtime, options.workspace), incidentId });
        if (options.json) printJson(check);
        else process.stdout.write(`${checkLines(check).join('\n')}\n`);
      });
    });
  closing
    .command('draft <incident-id>')
    .description('Print the structured closing message for one audience, language and channel (nothing is written)')
    .option('--audience <id>', 'an audience of the workspace (default: the status page\'s)')
    .option('--language <fr|en>', 'default: the workspace\'s')
    .option('--channel <channel>', 'status_page, email, sms, chat, social, support_script or press', 'email')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--json', 'print the draft and its sections as JSON')
    .action(async (incidentId: string, options: { audience?: string; language?: string; channel: string; workspace?: string; json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const input = { channel: options.channel, ...(options.audience ? { audience: options.audience } : {}), ...(options.language ? { language: options.language } : {}) };
        // The service checks each value and names the option that is wrong.
        const draft = await getClosingDraft({ ctx: await cliCtx(runtime, options.workspace), incidentId, input: input as never });
        if (options.json) printJson(draft);
        else process.stdout.write(draftText(draft));
      });
    });
}
