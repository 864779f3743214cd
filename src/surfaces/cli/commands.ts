import type { Command } from 'commander';

/** Domain commands (incidents, export/import, demo) register here, one file each. */
export function registerCommands(_program: Command) {}
