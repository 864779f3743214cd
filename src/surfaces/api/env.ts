import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Queue } from '../../adapters/queue/queue.ts';
import type { ResolvedActor } from '../../services/access/resolve-actor.ts';

/** What the app needs from the composition root. */
export interface ApiDeps {
  db: DatabaseHandle;
  queue: Queue;
  logger: Logger;
  now: () => Date;
  /** Whether cookies get the Secure flag (true behind HTTPS). */
  secureCookies: boolean;
  /** Tocsin's own copy of every status page (private pages are served from it). */
  siteDir: string;
  /** The console's build (dist/console by default). */
  consoleDir?: string;
  /** Tocsin's public address, for the links sent to subscribers. */
  publicUrl: string;
  /** Base URL of pages without a URL of their own (`TOCSIN_STATUS_URL`): their origin may post subscriptions. (Default: none) */
  statusUrl?: string;
  /** How often a live incident stream looks for changes and sends a keepalive. (Default: 1 s and 15 s) */
  liveStream?: { checkEveryMs?: number; keepaliveEveryMs?: number };
  /** Called by /readyz; false while shutting down. */
  isReady: () => boolean;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    auth: ResolvedActor;
    deps: ApiDeps;
  };
}
