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
