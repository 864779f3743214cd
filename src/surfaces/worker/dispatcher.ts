import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Mailer } from '../../adapters/mail/smtp-transport.ts';
import type { RenderedMail } from '../../adapters/mail/render-mail.ts';
import type { SendResult } from '../../adapters/outcome.ts';
import type { DeliveryPayload } from '../../adapters/db/schema.ts';
import type { SmsSender } from '../../adapters/sms/sms.ts';
import type { WebhookSender } from '../../adapters/webhook/webhook.ts';
import type { ChatKind, ChatSender } from '../../adapters/chat/chat.ts';
import type { MastodonPoster } from '../../adapters/mastodon/mastodon.ts';
import type { DeliveryChannel } from '../../domain/delivery/channels.ts';
import { claimDeliveries, releaseExpiredLeases, renewLease, tidyDeliveryQueue, type Claim, type ClaimedDelivery } from '../../services/delivery/claim.ts';
import { chatMessage, incidentEvent, maintenanceEvent, maintenanceMail, maintenanceSms, payloadMail, subscriberLinks, subscriberMail, teamMail, updateSms } from '../../services/delivery/compose.ts';
import { noticeText, staleNoticeReason } from '../../domain/maintenance/notices.ts';
import { contentOf, loadDeliveryContext, lookup, type DeliveryContext, type VariantContent } from '../../services/delivery/delivery-context.ts';
import { recordOutcomes, type Outcome, type RecordedOutcomes } from '../../services/delivery/record-outcomes.ts';
import { sandboxWorkspaces, sinkClaimedDeliveries, sinkSandboxDeliveries } from '../../services/drills/sink-deliveries.ts';

/**
 * Recorded deliveries between two tidyings of the queue (see tidyDeliveryQueue): often on the
 * embedded engine, which has no autovacuum; rarely on a server, where a tidying costs a second
 * with a million rows and the server's own autovacuum usually gets there first.
 */
const tidyEvery = { pglite: 5_000, postgres: 50_000 } as const;

/** The transports this worker has; a channel without one is left to a worker that has it. */
export interface ChannelSenders {
  mail?: Mailer;
  /** The host part of every Message-ID (the sender's domain). */
  mailDomain?: string;
  sms?: SmsSender;
  webhook?: WebhookSender;
  chat?: ChatSender;
  mastodon?: MastodonPoster;
}

export interface DispatcherOptions {
  db: DatabaseHandle;
  logger: Logger;
  senders: ChannelSenders;
  /** Tocsin's public address, for subscribers' links. */
  publicUrl: string;
  /** Base URL of pages without their own, for incident links. */
  fallbackUrl: string;
  /** Deliveries claimed at once. (Default: 100) */
  batchSize?: number;
  /** Batches under way at once: one sending while the next is claimed. (Default: 2) */
  batchesInFlight?: number;
  /** How long a claim holds its deliveries; a worker that dies gives them back when it runs out. (Default: 60 s) */
  leaseMs?: number;
  /** Between renewals of a batch's lease while it is being sent. (Default: a third of the lease) */
  renewMs?: number;
  /** Between sweeps for retries that came due and expired leases. (Default: 2 s) */
  sweepMs?: number;
  /** Concurrent HTTP requests (webhooks, chat) per batch. (Default: 16) */
  httpConcurrency?: number;
  now?: () => Date;
}

export interface Dispatcher {
  /**
   * Emits `recorded` with each batch's RecordedOutcomes, `renewed` with `{ held, leaseUntil }` each
   * time a batch's lease is extended, and `idle` when nothing is due.
   */
  readonly events: EventEmitter;
  /** The channels this worker sends. */
  readonly channels: readonly DeliveryChannel[];
  /** Sends what is due now; resolves when nothing is left. */
  run(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sends the deliveries: claims a batch under a lease, writes each message once per variant and page,
 * sends, and records the outcomes under the same lease. Woken by the NOTIFY a publish sends at
 * commit, and by a sweep that picks up retries and the leases of workers that died.
 */
export async function startDispatcher(options: DispatcherOptions): Promise<Dispatcher> {
  const { db, logger, senders } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 100;
  const batchesInFlight = options.batchesInFlight ?? 2;
  const leaseMs = options.leaseMs ?? 60_000;
  const channels = channelsOf(senders);
  const events = new EventEmitter();
  const variantCache = new Map<string, VariantContent>();
  const renderedCache = new Map<string, Promise<RenderedMail>>();
  const tidyInterval: number = tidyEvery[db.kind];
  // The first batch tidies, and so does the first of each run that starts with a full batch: a
  // fan-out has just added its rows, with no statistics yet.
  let recordedSinceTidy: number = tidyInterval;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const sendBatch = async (claim: Claim): Promise<void> => {
    // A batch can outlast its lease (a slow receiver, a throttled provider): the lease is extended
    // while it is under way. If it was lost all the same, what is not yet sent is left to whoever
    // holds it now.
    let leaseLost = false;
    let outcomes: Outcome[] = [];
    const renewal = setInterval(() => {
      const at = now();
      renewLease(db, claim.token, leaseMs, at)
        .then((held) => {
          if (held === 0) leaseLost = true;
          events.emit('renewed', { held, leaseUntil: new Date(at.getTime() + leaseMs) });
        })
        .catch((error: unknown) => logger.warn({ err: error }, 'could not extend a delivery lease; it holds until it runs out'));
    }, options.renewMs ?? Math.max(1, Math.floor(leaseMs / 3)));
    renewal.unref();
    try {
      // A drill's sandbox never reaches a transport: what a worker claimed of it goes to the drill sink.
      const sandboxes = await sandboxWorkspaces(db, claim.deliveries.map((d) => d.workspaceId));
      const caught = claim.deliveries.filter((d) => sandboxes.has(d.workspaceId));
      await sinkClaimedDeliveries(db, caught, now());
      outcomes = caught.map((delivery) => ({ delivery, result: { accepted: true, permanent: false, response: 'drill sink: not sent' } }));
      const real = claim.deliveries.filter((d) => !sandboxes.has(d.workspaceId));
      const context = await loadDeliveryContext(db, real, { fallbackUrl: options.fallbackUrl, variantCache });
      const send = (delivery: ClaimedDelivery): Promise<Outcome | undefined> =>
        leaseLost
          ? Promise.resolve(undefined)
          : sendOne(delivery, context).catch((error: unknown): Outcome => ({ delivery, result: { accepted: false, permanent: false, response: '', error: `Tocsin could not send it: ${String(error)}` } }));
      const mail = real.filter((d) => d.channel === 'email' || d.channel === 'sms');
      const http = real.filter((d) => d.channel !== 'email' && d.channel !== 'sms');
      // SMTP and SMPP pool and pace their own connections; HTTP receivers get a bounded number at once.
      const sent = (await Promise.all([Promise.all(mail.map(send)), mapLimit(http, options.httpConcurrency ?? 16, send)])).flat();
      outcomes = [...outcomes, ...sent.filter((outcome): outcome is Outcome => outcome !== undefined)];
    } finally {
      clearInterval(renewal);
    }
    const recorded = await recordOutcomes(db, claim, outcomes, now());
    recordedSinceTidy += outcomes.length;
    if (recordedSinceTidy >= tidyInterval) {
      recordedSinceTidy = 0;
      await tidyDeliveryQueue(db).catch((error: unknown) => logger.warn({ err: error }, 'could not tidy the delivery queue'));
    }
    events.emit('recorded', recorded);
    if (recorded.dead + recorded.failed > 0) logger.warn({ ...recorded }, 'deliveries failed for good');
  };

  async function sendOne(delivery: ClaimedDelivery, context: DeliveryContext): Promise<Outcome> {
    const result = await attempt(delivery, context);
    return typeof result === 'string' ? { delivery, cancelled: result } : { delivery, result };
  }

  /** One delivery's attempt, or why it is not sent at all. */
  async function attempt(delivery: ClaimedDelivery, context: DeliveryContext): Promise<SendResult | string> {
    const { workspaceId } = delivery;
    const messageId = `<${delivery.id}.${workspaceId}@${senders.mailDomain ?? 'tocsin.invalid'}>`;
    const idempotencyKey = `${workspaceId}-${delivery.id}`;
    if (delivery.kind === 'maintenance') return maintenanceNotice(delivery, context, idempotencyKey, messageId);
    if (delivery.kind !== 'message' && delivery.kind !== 'update') {
      if (!delivery.payload) return 'Its content was already cleared.';
      if (delivery.endpointId !== null) return noticeToRoom(delivery, delivery.payload, context, idempotencyKey, messageId);
      if (delivery.channel === 'email') return needs(senders.mail, 'e-mail').send({ ...payloadMail(delivery), to: delivery.address, messageId });
      if (delivery.channel === 'sms') return needs(senders.sms, 'SMS').send({ to: delivery.address, text: delivery.payload.text, idempotencyKey });
      return `A ${delivery.kind} cannot go to ${delivery.channel}.`;
    }
    const variant = contentOf(context, delivery);
    if (!variant) return delivery.kind === 'update' ? 'The incident update no longer exists.' : 'The message variant no longer exists.';
    const incident = lookup(context.incidents, workspaceId, variant.incidentId);

    if (delivery.subscriberId !== null) {
      const subscriber = lookup(context.subscribers, workspaceId, delivery.subscriberId);
      if (!subscriber?.active) return 'The subscriber left or was switched off before it went.';
      if (context.suppressed.has(`${workspaceId}:${delivery.channel}:${delivery.address}`)) return 'The address was suppressed before it went.';
      const page = lookup(context.pages, workspaceId, subscriber.pageId)!;
      const links = subscriberLinks(options.publicUrl, subscriber.manageToken);
      switch (delivery.channel) {
        case 'email': {
          const mailer = needs(senders.mail, 'e-mail');
          const key = `${workspaceId}:${variant.id}:${variant.language}:${page.id}`;
          let rendered = renderedCache.get(key);
          if (!rendered) {
            if (renderedCache.size > 1_000) renderedCache.clear();
            rendered = mailer.render(subscriberMail(variant, incident, page));
            renderedCache.set(key, rendered);
            rendered.catch(() => renderedCache.delete(key));
          }
          return mailer.send({ rendered: await rendered, to: delivery.address, messageId, unsubscribe: { url: links.unsubscribe } });
        }
        case 'sms':
          return needs(senders.sms, 'SMS').send({ to: delivery.address, text: delivery.kind === 'update' ? updateSms(variant) : variant.body, idempotencyKey });
        case 'webhook': {
          if (!incident || !subscriber.webhookSecret) return 'The webhook has no incident or no signing secret.';
          const event = incidentEvent(variant, incident, page, links.unsubscribe);
          return needs(senders.webhook, 'webhooks').send({ url: delivery.address, secret: subscriber.webhookSecret }, { id: `msg_${idempotencyKey}`, type: event.type, payload: event.payload, occurredAt: variant.publishedAt ?? undefined }, now());
        }
        default:
          return `Subscribers do not receive ${delivery.channel}.`;
      }
    }

    const endpoint = lookup(context.endpoints, workspaceId, delivery.endpointId);
    if (!endpoint?.active) return 'The endpoint was removed or switched off before it went.';
    const firstPage = [...context.pages.values()][0];
    const incidentUrl = incident && firstPage ? `${firstPage.url}/incidents/${incident.id}` : undefined;
    if (endpoint.kind === 'email') return needs(senders.mail, 'e-mail').send({ ...teamMail(variant, incident, endpoint.name), to: endpoint.target, messageId });
    if (endpoint.kind === 'webhook') {
      if (!endpoint.secret) return 'The endpoint has no signing secret.';
      return needs(senders.webhook, 'webhooks').send(
        { url: endpoint.target, secret: endpoint.secret },
        { id: `msg_${idempotencyKey}`, type: `${delivery.channel}.published`, payload: { incident: incident ? { id: incident.id, name: incident.name, status: incident.status, impact: incident.impact, url: incidentUrl } : null, [delivery.channel]: { audience: variant.audience, language: variant.language, subject: variant.subject, body: variant.body } } },
        now(),
      );
    }
    if (endpoint.kind === 'mastodon') {
      if (delivery.channel !== 'social' || !endpoint.secret) return 'A Mastodon account takes the social variant a person chose, with its access token.';
      return needs(senders.mastodon, 'Mastodon').post({ instanceUrl: endpoint.target, accessToken: endpoint.secret }, { text: variant.body, idempotencyKey, language: variant.language });
    }
    return needs(senders.chat, 'chat').send({ kind: endpoint.kind as ChatKind, url: endpoint.target }, chatMessage(variant, incident, incidentUrl, context.timeZones.get(workspaceId) ?? 'UTC', now()));
  }

  /** A reminder or escalation to the crisis cell's room: its chat, mailbox or signed webhook. */
  function noticeToRoom(delivery: ClaimedDelivery, payload: DeliveryPayload, context: DeliveryContext, idempotencyKey: string, messageId: string): Promise<SendResult> | string {
    const endpoint = lookup(context.endpoints, delivery.workspaceId, delivery.endpointId);
    if (!endpoint?.active) return 'The endpoint was removed or switched off before it went.';
    if (endpoint.kind === 'email') return needs(senders.mail, 'e-mail').send({ ...payloadMail(delivery), to: endpoint.target, messageId });
    if (endpoint.kind === 'webhook') {
      if (!endpoint.secret) return 'The endpoint has no signing secret.';
      return needs(senders.webhook, 'webhooks').send({ url: endpoint.target, secret: endpoint.secret }, { id: `msg_${idempotencyKey}`, type: `${delivery.kind}.raised`, payload: { language: delivery.language, subject: payload.subject ?? null, text: payload.text } }, now());
    }
    if (endpoint.kind === 'mastodon') return 'A notice is never posted to Mastodon.';
    return needs(senders.chat, 'chat').send({ kind: endpoint.kind as ChatKind, url: endpoint.target }, { title: payload.subject ?? '', text: payload.text, language: delivery.language });
  }

  /** A notice before a maintenance starts, written now in the subscriber's language; void once it moved, started or was called off. */
  async function maintenanceNotice(delivery: ClaimedDelivery, context: DeliveryContext, idempotencyKey: string, messageId: string): Promise<SendResult | string> {
    const { workspaceId } = delivery;
    const notice = lookup(context.notices, workspaceId, String(delivery.id));
    const maintenance = notice && lookup(context.maintenances, workspaceId, notice.maintenanceId);
    if (!notice || !maintenance) return 'The maintenance no longer exists.';
    const stale = staleNoticeReason(maintenance, notice, now());
    if (stale) return stale;
    const subscriber = lookup(context.subscribers, workspaceId, delivery.subscriberId);
    if (!subscriber?.active) return 'The subscriber left or was switched off before it went.';
    if (context.suppressed.has(`${workspaceId}:${delivery.channel}:${delivery.address}`)) return 'The address was suppressed before it went.';
    const page = lookup(context.pages, workspaceId, subscriber.pageId)!;
    const links = subscriberLinks(options.publicUrl, subscriber.manageToken);
    const text = noticeText({ ...maintenance, latestUpdate: maintenance.latestUpdate?.body ?? null }, delivery.language, context.timeZones.get(workspaceId) ?? 'UTC', now());
    switch (delivery.channel) {
      case 'email': {
        const mailer = needs(senders.mail, 'e-mail');
        const content = maintenanceMail(text, maintenance, page, delivery.language);
        // The words depend on the time left: the cache holds a rendering while they stay the same.
        const key = `mn:${workspaceId}:${content.html}`;
        let rendered = renderedCache.get(key);
        if (!rendered) {
          if (renderedCache.size > 1_000) renderedCache.clear();
          rendered = mailer.render(content);
          renderedCache.set(key, rendered);
          rendered.catch(() => renderedCache.delete(key));
        }
        return mailer.send({ rendered: await rendered, to: delivery.address, messageId, unsubscribe: { url: links.unsubscribe } });
      }
      case 'sms':
        return needs(senders.sms, 'SMS').send({ to: delivery.address, text: maintenanceSms(text), idempotencyKey });
      case 'webhook': {
        if (!subscriber.webhookSecret) return 'The webhook has no signing secret.';
        const event = maintenanceEvent(maintenance, notice, page, links.unsubscribe, now());
        return needs(senders.webhook, 'webhooks').send({ url: delivery.address, secret: subscriber.webhookSecret }, { id: `msg_${idempotencyKey}`, type: event.type, payload: event.payload }, now());
      }
      default:
        return `Subscribers do not receive ${delivery.channel}.`;
    }
  }

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        // A sandbox's deliveries carry drill times, often ahead of real time: sunk at once, not claimed when due.
        while ((await sinkSandboxDeliveries(db, now())) > 0 && !stopped);
        const underWay = new Set<Promise<void>>();
        for (let first = true; ; first = false) {
          if (stopped) break;
          const claim = await claimDeliveries(db, { channels, limit: batchSize, leaseMs, now: now() });
          if (claim.deliveries.length === 0) break;
          if (first && claim.deliveries.length === batchSize) recordedSinceTidy = tidyInterval;
          const batch = sendBatch(claim).finally(() => underWay.delete(batch));
          underWay.add(batch);
          if (underWay.size >= batchesInFlight) await Promise.race(underWay);
        }
        await Promise.all(underWay);
      } while (again && !stopped);
      events.emit('idle');
    })()
      .catch((error: unknown) => logger.error({ err: error }, 'delivery run failed; the sweep will try again'))
      .finally(() => (running = undefined));
    return running;
  };
  const kick = () => {
    if (!stopped) void run();
  };
  const unlisten = await db.listen('tocsin_deliveries', kick);
  const sweep = setInterval(() => {
    void releaseExpiredLeases(db, now())
      .then(kick)
      .catch((error: unknown) => logger.warn({ err: error }, 'delivery sweep failed'));
  }, options.sweepMs ?? 2_000);
  sweep.unref();
  if (channels.length > 0) logger.info({ channels }, 'delivering');
  kick();
  return {
    events,
    channels,
    run,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      await unlisten();
      await running;
    },
  };
}

function channelsOf(senders: ChannelSenders): DeliveryChannel[] {
  return [
    ...(senders.mail ? (['email'] as const) : []),
    ...(senders.sms ? (['sms'] as const) : []),
    ...(senders.webhook ? (['webhook'] as const) : []),
    ...(senders.chat ? (['chat'] as const) : []),
    ...(senders.mastodon ? (['social'] as const) : []),
    // Support scripts go by e-mail or webhook, whichever the endpoint is.
    ...(senders.mail || senders.webhook ? (['support_script'] as const) : []),
  ];
}

function needs<T>(sender: T | undefined, what: string): T {
  if (!sender) throw new Error(`${what} is not configured on this worker`);
  return sender;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
