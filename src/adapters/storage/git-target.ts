import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SiteFile } from '../../domain/site-file.ts';
import { assertSitePath, type PublishOutcome, type SiteTarget } from './site-target.ts';

const run = promisify(execFile);

export interface GitTargetOptions {
  /** Any remote git accepts: a path, ssh or https URL (GitHub/GitLab Pages style). */
  remote: string;
  /** (Default: gh-pages) */
  branch?: string;
  /** Where Tocsin keeps its working copy of the remote. */
  workDir: string;
}

/**
 * A git remote (GitHub or GitLab Pages). Each publish is one commit pushed at once, so readers see
 * the old site or the new one. The working copy is reset to the remote first, so a publish that
 * failed or a push rejected is caught up by the next one.
 */
export function gitTarget(options: GitTargetOptions): SiteTarget {
  const branch = options.branch ?? 'gh-pages';
  const dir = path.join(options.workDir, createHash('sha256').update(`${options.remote}#${branch}`).digest('hex').slice(0, 16));
  const git = async (...args: string[]) =>
    (await run('git', ['-c', 'user.name=Tocsin', '-c', 'user.email=status-page@tocsin.invalid', ...args], { cwd: dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 64 * 1024 * 1024 })).stdout;

  async function syncWithRemote(): Promise<void> {
    if (!existsSync(path.join(dir, '.git'))) {
      await mkdir(dir, { recursive: true });
      await git('init', '--quiet');
      await git('remote', 'add', 'origin', options.remote);
    }
    const remoteHasBranch = (await git('ls-remote', '--heads', 'origin', branch)).trim() !== '';
    if (remoteHasBranch) {
      await git('fetch', '--quiet', '--depth', '1', 'origin', branch);
      await git('checkout', '--quiet', '-B', branch, 'FETCH_HEAD');
      await git('reset', '--quiet', '--hard', 'FETCH_HEAD');
      await git('clean', '--quiet', '-fdx');
    } else {
      await git('checkout', '--quiet', '--orphan', branch);
      await git('rm', '--quiet', '-rf', '--ignore-unmatch', '.');
    }
  }

  return {
    description: `git ${options.remote.replace(/\/\/[^@/]*@/, '//')} ${branch}`,
    async publish(files: SiteFile[]): Promise<PublishOutcome> {
      await syncWithRemote();
      const tracked = new Set((await git('ls-files', '-z')).split('\0').filter(Boolean));
      let written = 0;
      for (const file of files) {
        assertSitePath(file.path);
        const target = path.join(dir, file.path);
        const body = typeof file.body === 'string' ? Buffer.from(file.body) : Buffer.from(file.body);
        const current = existsSync(target) ? await readFile(target) : undefined;
        if (!current || !current.equals(body)) {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, body);
          written++;
        }
        tracked.delete(file.path);
      }
      // GitHub Pages would otherwise run Jekyll and hide files starting with "_".
      if (!existsSync(path.join(dir, '.nojekyll'))) await writeFile(path.join(dir, '.nojekyll'), '');
      tracked.delete('.nojekyll');
      for (const stale of tracked) await rm(path.join(dir, stale), { force: true });
      await git('add', '--all');
      if ((await git('status', '--porcelain')).trim() === '') return { written: 0, unchanged: files.length, deleted: 0 };
      await git('commit', '--quiet', '-m', `Publish status page (${files.length} files)`);
      await git('push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
      return { written, unchanged: files.length - written, deleted: tracked.size };
    },
  };
}
