import type { Command } from 'commander';
import { setTimeout as delay } from 'node:timers/promises';
import { deliveryProgress, type DeliveryProgress } from '../../services/delivery/delivery-progress.ts';
import { retryDeliveries } from '../../services/delivery/dead-letters.ts';
import { cliCtx, printJson, withRuntime } from './runtime.ts';

const barWidth = 30;

/** One line per channel: a bar of what is settled, then the counts a person acts on. */
export function progressLines(progress: DeliveryProgress): string[] {
  const lines = Object.entries(progress.by_channel).map(([channel, counts]) => {
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const settled = total - counts.pending - counts.sending;
    const filled = total === 0 ? barWidth : Math.round((settled / total) * barWidth);
    const problems = [counts.failed && `${counts.failed} failed`, counts.dead && `${counts.dead} dead`, counts.cancelled && `${counts.cancelled} cancelled`].filter(Boolean).join(', ');
    return `${channel.padEnd(15)} [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${counts.sent}/${total} sent${problems ? ` (${problems})` : ''}`;
  });
  return [...lines, `${'all'.padEnd(15)} ${progress.percent}% settled, ${progress.settled}/${progress.total}`];
}

export function registerDeliveryCommands(program: Command) {
  const deliveries = program.command('deliveries').description('Follow and replay the deliveries of a published message');
  deliveries
    .command('progress <message-id>')
    .description('Deliveries per channel and state, with a progress bar; --follow redraws every second until all are settled')
    .option('--follow', 'keep drawing until every delivery is settled')
    .option('--json', 'print the figures as JSON')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (messageId: string, options: { follow?: boolean; json?: boolean; workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        let drawn = 0;
        for (;;) {
          const progress = await deliveryProgress({ ctx, messageId });
          if (options.json) printJson(progress);
          else {
            const lines = progressLines(progress);
            // On a terminal the bars are redrawn in place; in a log each state is a new block.
            if (drawn > 0 && process.stdout.isTTY) process.stdout.write(`\x1b[${drawn}A\x1b[J`);
            process.stdout.write(`${lines.join('\n')}\n`);
            drawn = lines.length;
          }
          if (!options.follow || progress.settled === progress.total) return;
          await delay(1_000);
        }
      });
    });
  deliveries
    .command('retry <message-id>')
    .description('Replay every dead delivery of a message now, under the same ids')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (messageId: string, options: { workspace?: string }) => {
      await withRuntime(async (runtime) => {
        const { retried } = await retryDeliveries({ ctx: await cliCtx(runtime, options.workspace), messageId });
        process.stdout.write(`${retried} dead deliver${retried === 1 ? 'y' : 'ies'} queued again.\n`);
      });
    });
}
