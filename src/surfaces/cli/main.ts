import { Command, CommanderError } from 'commander';
import { isTocsinError } from '../../domain/errors.ts';
import { ConfigError } from '../../config.ts';
import { registerCommands } from './commands.ts';

/** Exit codes: 0 done, 1 the action failed, 2 the command line (or its input) is wrong. */
export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** A command that printed its own verdict and ends with this code, without an error message (`tocsin lint` finding errors). */
export class ExitStatus extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** The program with the command `argv` names (every command for help, or a name it does not know). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('tocsin')
    .description('Crisis communication during IT incidents.')
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(run "tocsin --help" for the commands)')
    .exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  await registerCommands(program, argv.find((arg) => !arg.startsWith('-')));
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof ExitStatus) return error.code;
    if (error instanceof CommanderError) {
      // Help and version exit through here with code 0; commander already printed its message.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    return reportError(error, argv.includes('--debug'));
  }
}

export function reportError(error: unknown, debug: boolean): number {
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`tocsin: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (isTocsinError(error)) {
    const hint = error.issues.length > 0 ? '' : hintFor(error.code);
    process.stderr.write(`tocsin: ${error.message}${hint}\n`);
    return error.code === 'invalid' ? exitCodes.usage : exitCodes.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tocsin: ${message}${debug ? '' : ' (run again with --debug for details)'}\n`);
  return exitCodes.failure;
}

function hintFor(code: string): string {
  switch (code) {
    case 'not_found':
      return ' (list what exists with the matching "list" command)';
    case 'precondition_failed':
      return ' (reload and try again)';
    default:
      return '';
  }
}
