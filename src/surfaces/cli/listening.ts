import type { Command } from 'commander';
import { pollDueSources } from '../../services/listening/poll-sources.ts';
import { listListeningSources } from '../../services/listening/list-sources.ts';
import { authorize } from '../../services/context.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

/** `tocsin listening …`: the watched feeds and Mastodon timelines. */
export function registerListeningCommands(program: Command) {
  const listening = program.command('listening').description('Watch feeds and Mastodon timelines for what is said about an incident');
  listening
    .command('poll')
    .description('Poll the sources that are due now (as the worker does every minute) and print what they added')
    .option('--json', 'print the result as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (options: { json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        authorize(ctx, 'listening.manage');
        const summary = await pollDueSources({ db: runtime.db, now: ctx.now(), workspaceId: ctx.workspaceId });
        if (options.json) return printJson(summary);
        const { sources } = await listListeningSources({ ctx });
        const nameOf = new Map(sources.map((source) => [source.id, source.name]));
        for (const poll of summary.sources) {
          const what = poll.outcome === 'failed' ? `failed: ${poll.error}` : poll.outcome === 'not_modified' ? 'unchanged' : poll.outcome === 'skipped' ? 'changed while read, skipped' : `${poll.matched} matched, ${poll.added} new`;
          process.stdout.write(`${nameOf.get(poll.source_id) ?? poll.source_id}: ${what}\n`);
        }
        process.stdout.write(`${summary.polled} source${summary.polled === 1 ? '' : 's'} polled, ${summary.failed} failed, ${summary.added} new mention${summary.added === 1 ? '' : 's'} in the inbox.\n`);
      });
    });
  listening
    .command('sources')
    .description('The sources watched: kind, keywords, last poll, next poll, last error, mentions waiting')
    .option('--json', 'print the sources as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (options: { json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const { sources } = await listListeningSources({ ctx: await cliCtx(runtime, options.workspace) });
        if (options.json) return printJson(sources);
        if (sources.length === 0) {
          process.stdout.write('No source is watched yet: add one in the console (Listening) or with POST /api/admin/listening/sources.\n');
          return;
        }
        for (const source of sources) {
          const where = source.kind === 'mastodon' ? `${source.url}${source.hashtag ? ` #${source.hashtag}` : ' (public timeline)'}` : source.url;
          const state = !source.enabled ? 'disabled' : source.last_error ? `failing (${source.failures}): ${source.last_error}` : 'ok';
          process.stdout.write(`${source.name} [${source.kind}] ${where}\n`);
          process.stdout.write(`  keywords: ${source.keywords.join(', ')}\n`);
          process.stdout.write(`  ${state}; last poll ${source.last_polled_at ?? 'never'}, next ${source.enabled ? source.next_poll_at : '-'}; ${source.new_mentions} new mention${source.new_mentions === 1 ? '' : 's'}\n`);
        }
      });
    });
}
