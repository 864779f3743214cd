import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { incidentStatuses } from '../../../domain/incident/lifecycle.ts';
import { timelineKinds, timelineLanes } from '../../../domain/incident/timeline.ts';
import { getIncidentRevision, readIncidentRevision, type IncidentRevision } from '../../../services/incident/revision.ts';
import { getIncidentTimeline } from '../../../services/incident/timeline.ts';
import type { Ctx } from '../../../services/context.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, ok, problemResponses } from '../http.ts';

const Change = z.object({
  revision: z.string().describe('Opaque; also the event id, so a reconnecting browser sends it back in Last-Event-ID'),
  incident: z.number().describe('The incident\'s version: refetch GET …/incidents/{id}'),
  facts: z.number().describe('The fact sheet\'s version: refetch …/facts'),
  messages: z.number().describe('Moves on when a message is written, reviewed or published: refetch …/messages'),
  updates: z.number().describe('Moves on when a public update is added or corrected'),
  alerts: z.number().describe('Reminders and escalations not yet taken in hand'),
  regulatory: z.number().describe('Moves on when the legal clocks, a report form or a filing change'),
});

const Label = z.object({ fr: z.string(), en: z.string() });
const Timeline = z.object({
  incident: z.object({ occurred_at: z.string().nullable(), detected_at: z.string().nullable(), opened_at: z.string(), public_at: z.string().nullable().describe('The first public update; null while declared internally'), resolved_at: z.string().nullable() }),
  events: z.array(z.object({
    at: z.string(),
    kind: z.enum(timelineKinds),
    lane: z.enum(timelineLanes),
    label: Label,
    ref: z.object({ type: z.enum(['incident', 'update', 'message', 'fact_entry', 'deadline', 'submission']), id: z.string() }),
    status: z.enum(incidentStatuses).optional().describe('update: the status it gave'),
    audiences: z.array(z.string()).optional().describe('message_published'),
    channels: z.array(z.string()).optional().describe('message_published'),
    due_at: z.string().nullable().optional().describe('promise*, regulatory deadline'),
    state: z.string().optional().describe('promise: its state now; rumor: open, refuted, confirmed; regulatory: the deadline\'s status, or filed'),
  })).describe('Oldest first'),
  gaps: z.array(z.object({ from: z.string(), to: z.string(), minutes: z.number(), late: z.boolean(), ongoing: z.boolean() }))
    .describe('Silences: detection to the first public update, then between public updates while open; late when a promised time (or the first-message deadline) fell inside'),
  promises: z.array(z.object({ id: z.string(), promise_kind: z.string(), text: z.string(), made_at: z.string(), due_at: z.string().nullable(), kept_at: z.string().nullable(), state: z.enum(['pending', 'kept', 'broken', 'dropped', 'postponed']) })),
  now: z.string(),
});

const defaultCheckEveryMs = 1_000;
const defaultKeepaliveEveryMs = 15_000;
let openStreams = 0;

/** Live incident streams this process is serving now (each one polls the database). */
export function liveIncidentStreams(): number {
  return openStreams;
}

export function registerIncidentEventRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: '/api/admin/incidents/{id}/timeline', tags: ['Incidents'],
      summary: 'The incident as dated events in lanes (known, said, promised, regulatory), the silences between public updates and the promises; the legal deadlines only for those who may read them',
      request: { params: IdParam },
      responses: { 200: ok(Timeline, 'The timeline, oldest first'), ...problemResponses, 404: { description: 'No such incident' } },
    }),
    async (c) => c.json(await getIncidentTimeline({ ctx: ctxOf(c), incidentId: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('incident.read', {
      method: 'get', path: '/api/admin/incidents/{id}/events', tags: ['Incidents'],
      summary: 'What moved in an incident, for a live view: with Accept: text/event-stream, a `change` event on connect and whenever a part changes (checked every second), a keepalive comment every 15 s; otherwise the current revision as JSON. Parts only, never content: refetch what moved through its own route',
      request: { params: IdParam },
      responses: {
        200: { description: 'The revision (JSON), or a stream of `change` events', content: { 'application/json': { schema: Change }, 'text/event-stream': { schema: z.string() } } },
        ...problemResponses,
        404: { description: 'No such incident' },
      },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const { id } = c.req.valid('param');
      const first = await getIncidentRevision({ ctx, incidentId: id });
      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) return c.json(first, 200);
      const { checkEveryMs = defaultCheckEveryMs, keepaliveEveryMs = defaultKeepaliveEveryMs } = c.var.deps.liveStream ?? {};
      const { logger } = c.var.deps;
      return streamSSE(c, async (stream) => {
        openStreams += 1;
        try {
          await followRevision(stream, ctx, id, { first, lastEventId: c.req.header('last-event-id') ?? null, checkEveryMs, keepaliveEveryMs });
        } catch (error) {
          // The browser's EventSource reconnects by itself; a failed read ends this stream, quietly for the client.
          logger.error({ requestId: ctx.requestId, err: error }, 'incident event stream failed');
        } finally {
          openStreams -= 1;
        }
      }) as never;
    },
  );
}

interface Follow {
  first: IncidentRevision;
  /** The revision the client already has: not sent again. */
  lastEventId: string | null;
  checkEveryMs: number;
  keepaliveEveryMs: number;
}

/** Polls one cheap query and writes a `change` when the revision moves, until the client goes. */
async function followRevision(stream: SSEStreamingApi, ctx: Ctx, incidentId: string, options: Follow): Promise<void> {
  const gone = new AbortController();
  stream.onAbort(() => gone.abort());
  let current: IncidentRevision | null = options.first;
  let sent = options.lastEventId;
  let keepaliveAt = performance.now() + options.keepaliveEveryMs;
  while (current && !stream.aborted) {
    if (current.revision !== sent) {
      await stream.writeSSE({ event: 'change', id: current.revision, data: JSON.stringify(current) });
      sent = current.revision;
    }
    if (performance.now() >= keepaliveAt) {
      await stream.write(': keepalive\n\n');
      keepaliveAt += options.keepaliveEveryMs;
    }
    const wait = Math.max(0, Math.min(options.checkEveryMs, keepaliveAt - performance.now()));
    await delay(wait, undefined, { signal: gone.signal }).catch(() => undefined);
    if (stream.aborted) break;
    current = await readIncidentRevision(ctx.db.db, ctx, incidentId);
  }
}
