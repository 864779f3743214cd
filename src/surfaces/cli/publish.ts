import type { Command } from 'commander';
import { readConfig } from '../../config.ts';
import { requestPublish } from '../../services/status-page/request-publish.ts';
import { publishPendingPages } from '../../services/status-page/publish-pending.ts';
import { renderSite } from '../../status-page/site.ts';
import { siteFolder, targetsResolver } from '../worker/publisher.ts';
import { TocsinError } from '../../domain/errors.ts';
import { UsageError } from './main.ts';
import { cliCtx, withRuntime } from './runtime.ts';

export function registerPublishCommands(program: Command) {
  program
    .command('publish')
    .description('Build and publish the status pages now (all of the workspace, or one)')
    .option('--page <slug>', 'only this page')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .action(async (options: { page?: string; workspace?: string }) => {
      const config = readConfig();
      const failed = await withRuntime(async (runtime) => {
        const ctx = await cliCtx(runtime, options.workspace);
        const pages = await runtime.db.db.selectFrom('status_pages').select(['id', 'slug']).where('workspace_id', '=', ctx.workspaceId).orderBy('slug').execute();
        const chosen = options.page ? pages.filter((page) => page.slug === options.page) : pages;
        if (options.page && chosen.length === 0) throw new UsageError(`No status page "${options.page}" (there are: ${pages.map((p) => p.slug).join(', ') || 'none'}).`);
        let failures = 0;
        for (const page of chosen) {
          await requestPublish({ ctx, pageId: page.id });
          const [outcome] = await publishPendingPages({ db: runtime.db, now: () => new Date(), fallbackUrl: config.statusUrl, publicUrl: config.publicUrl, render: renderSite, targetsFor: targetsResolver(runtime.db, config.siteDir) }, { pageId: page.id });
          if (!outcome) {
            process.stdout.write(`${page.slug}: being published by a running worker right now.\n`);
            continue;
          }
          for (const target of outcome.targets) {
            if ('error' in target) process.stderr.write(`tocsin: ${page.slug} → ${target.target}: ${target.error}\n`);
            else process.stdout.write(`${page.slug} → ${target.target}: ${target.written} written, ${target.unchanged} unchanged, ${target.deleted} removed\n`);
          }
          if (!outcome.ok) failures++;
          else process.stdout.write(`${page.slug}: published ${outcome.files} files (folder ${siteFolder(config.siteDir, outcome.page)}).\n`);
        }
        return failures;
      });
      if (failed > 0) throw new TocsinError('unavailable', 'publish-failed', `${failed} page(s) could not be published everywhere; a running worker retries them with backoff.`);
    });
}
