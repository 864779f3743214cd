import type { Command } from 'commander';
import { registerIncidentCommands } from './incident.ts';
import { registerTransferCommands } from './transfer.ts';
import { registerPublishCommands } from './publish.ts';
import { registerLintCommand } from './lint.ts';
import { registerSubscriberCommands } from './subscribers.ts';
import { registerDeliveryCommands } from './deliveries.ts';

/** Domain commands register here, one file each. */
export function registerCommands(program: Command) {
  registerIncidentCommands(program);
  registerTransferCommands(program);
  registerPublishCommands(program);
  registerLintCommand(program);
  registerSubscriberCommands(program);
  registerDeliveryCommands(program);
}
