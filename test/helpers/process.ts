import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const binPath = fileURLToPath(new URL('../../bin/tocsin.js', import.meta.url));

export interface TocsinProcess {
  child: ChildProcess;
  /** Lines the process printed so far (stdout and stderr). */
  output: string[];
  /** Resolves with the first printed line that matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<number | null>;
}

/** Starts `tocsin <args>` as its own process, as an operator would. */
export function startTocsin(args: string[], env: Record<string, string | undefined>): TocsinProcess {
  const child = spawn(process.execPath, [binPath, ...args], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    });
  }
  return {
    child,
    output,
    waitFor(pattern, timeoutMs = 30_000) {
      const seen = output.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No line matching ${pattern} within ${timeoutMs} ms; output:\n${output.join('\n')}`)), timeoutMs);
        waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`tocsin ${args.join(' ')} exited with ${code} before printing ${pattern}; output:\n${output.join('\n')}`));
        });
      });
    },
    async stop() {
      // A process that already ended (on its own or by a signal) has nothing left to wait for.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}

/** The port a `tocsin serve` process reports in its "listening" log line. */
export async function listeningPort(proc: TocsinProcess): Promise<number> {
  const line = await proc.waitFor(/Tocsin listening on/);
  return Number(/:(\d+)"?/.exec(JSON.parse(line).msg)![1]);
}
