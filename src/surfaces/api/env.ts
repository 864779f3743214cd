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
  /** Tocsin's public address, for the links sent to subscribers. */
  publicUrl: string;
  /** Base URL of pages without a URL of their own (`TOCSIN_STATUS_URL`): their origin may post subscriptions. (Default: none) */
  statusUrl?: string;
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
