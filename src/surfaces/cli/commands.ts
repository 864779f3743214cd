import type { Command } from 'commander';

type Register = (program: Command) => void;

const serve = () => import('./serve.ts').then((m) => m.registerServeCommands);
const access = () => import('./access.ts').then((m) => m.registerAccessCommands);
const transfer = () => import('./transfer.ts').then((m) => m.registerTransferCommands);

/**
 * Each top-level command and the file that registers it, in the order `--help` lists them. A
 * command loads only its own file and what that imports: `tocsin incident list` does not load the
 * S3 client, the PDF writer or the admin API, which takes seconds off every command.
 */
const commandModules: Record<string, () => Promise<Register>> = {
  start: serve,
  serve,
  worker: serve,
  migrate: serve,
  workspace: access,
  user: access,
  token: access,
  incident: () => import('./incident.ts').then((m) => m.registerIncidentCommands),
  export: transfer,
  import: transfer,
  publish: () => import('./publish.ts').then((m) => m.registerPublishCommands),
  lint: () => import('./lint.ts').then((m) => m.registerLintCommand),
  subscribers: () => import('./subscribers.ts').then((m) => m.registerSubscriberCommands),
  deliveries: () => import('./deliveries.ts').then((m) => m.registerDeliveryCommands),
  closing: () => import('./closing.ts').then((m) => m.registerClosingCommands),
  compensation: () => import('./compensation.ts').then((m) => m.registerCompensationCommands),
  listening: () => import('./listening.ts').then((m) => m.registerListeningCommands),
  report: () => import('./report.ts').then((m) => m.registerReportCommands),
  drill: () => import('./drill.ts').then((m) => m.registerDrillCommands),
  plan: () => import('./plan.ts').then((m) => m.registerPlanCommands),
};

/** Registers the command named (its whole file), or every command when none or an unknown one is named. */
export async function registerCommands(program: Command, name?: string): Promise<void> {
  const loaders = name !== undefined && Object.hasOwn(commandModules, name) ? [commandModules[name]!] : [...new Set(Object.values(commandModules))];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program);
}
