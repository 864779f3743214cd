import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { listeningSourceKinds, mentionStates } from '../../../domain/listening/types.ts';
import { CreateListeningSourceInput, createListeningSource } from '../../../services/listening/create-source.ts';
import { EditListeningSourceInput, editListeningSource } from '../../../services/listening/edit-source.ts';
import { deleteListeningSource } from '../../../services/listening/delete-source.ts';
import { getListeningSource, listListeningSources } from '../../../services/listening/list-sources.ts';
import { pollListeningSourceNow } from '../../../services/listening/poll-source-now.ts';
import { ListMentionsInput, listMentions } from '../../../services/listening/list-mentions.ts';
import { dismissMention } from '../../../services/listening/dismiss-mention.ts';
import { TurnMentionIntoRumorInput, turnMentionIntoRumor } from '../../../services/listening/turn-mention-into-rumor.ts';
import { adminRoute, ctxOf } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { IdParam, expectedVersion, jsonBody, ok, problemResponses, versioned } from '../http.ts';
import { FactEntry } from './facts.ts';

const tags = ['Listening'];

const Source = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(listeningSourceKinds),
  url: z.string().describe('The feed, or the Mastodon instance'),
  hashtag: z.string().nullable().describe('Mastodon: the hashtag timeline read; null: the public timeline'),
  keywords: z.array(z.string()),
  enabled: z.boolean(),
  poll_every_seconds: z.number(),
  format: z.enum(['rss', 'atom']).nullable().describe('A feed: what its last document was'),
  last_polled_at: z.string().nullable(),
  next_poll_at: z.string(),
  held_until: z.string().nullable().describe('The source asked (Retry-After) not to be polled before then'),
  last_error: z.string().nullable().describe('Why the last poll failed; null after a success'),
  failures: z.number().describe('Consecutive failed polls; the interval doubles with each, up to 6 h'),
  new_mentions: z.number().describe('Its mentions waiting in the inbox'),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().describe('ETag'),
});
const Mention = z.object({
  id: z.string(),
  source: z.object({ id: z.string(), name: z.string() }).nullable().describe('null once the source is deleted'),
  source_name: z.string(),
  external_id: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  text: z.string(),
  published_at: z.string().describe('When the source says it was published, else when it was first seen'),
  keywords: z.array(z.string()).describe('The source\'s keywords it contains'),
  state: z.enum(mentionStates),
  incident_id: z.string().nullable(),
  rumor_entry_id: z.string().nullable(),
  fetched_at: z.string(),
  decided_at: z.string().nullable(),
  decided_by: z.string().nullable(),
});
const SourcePoll = z.object({
  source_id: z.string(),
  outcome: z.enum(['items', 'not_modified', 'failed', 'skipped']),
  matched: z.number().describe('Items read that contain a keyword'),
  added: z.number().describe('Of those, mentions new to the inbox'),
  error: z.string().nullable(),
  next_poll_at: z.string().nullable(),
});
const notFound = { 404: { description: 'No such source' } };
const mentionNotFound = { 404: { description: 'No such mention (or, for a rumor, no such incident)' } };
const decided = { 409: { description: 'The mention was already dismissed or turned into a rumor' } };

export function registerListeningRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    adminRoute('listening.read', {
      method: 'get', path: '/api/admin/listening/sources', tags, summary: 'The feeds and Mastodon timelines watched, with their last poll and error',
      responses: { 200: ok(z.object({ sources: z.array(Source) }), 'Sources by name'), ...problemResponses },
    }),
    async (c) => c.json(await listListeningSources({ ctx: ctxOf(c) }), 200),
  );
  app.openapi(
    adminRoute('listening.manage', {
      method: 'post', path: '/api/admin/listening/sources', tags, summary: 'Watch a feed (RSS or Atom) or a Mastodon timeline for keywords',
      request: jsonBody(CreateListeningSourceInput),
      responses: { 201: ok(Source, 'The source (ETag: its version); polled at the next tick'), ...problemResponses },
    }),
    async (c) => versioned(c, await createListeningSource({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  );
  app.openapi(
    adminRoute('listening.read', {
      method: 'get', path: '/api/admin/listening/sources/{id}', tags, summary: 'One source',
      request: { params: IdParam },
      responses: { 200: ok(Source, 'The source (ETag: its version)'), ...problemResponses, ...notFound },
    }),
    async (c) => versioned(c, await getListeningSource({ ctx: ctxOf(c), id: c.req.valid('param').id })),
  );
  app.openapi(
    adminRoute('listening.manage', {
      method: 'patch', path: '/api/admin/listening/sources/{id}', tags, summary: 'Change a source (If-Match: its version); another address starts it over',
      request: { params: IdParam, ...jsonBody(EditListeningSourceInput) },
      responses: { 200: ok(Source, 'The source'), ...problemResponses, ...notFound, 412: { description: 'If-Match is stale' } },
    }),
    async (c) => versioned(c, await editListeningSource({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json'), expectedVersion: expectedVersion(c) })),
  );
  app.openapi(
    adminRoute('listening.manage', {
      method: 'delete', path: '/api/admin/listening/sources/{id}', tags, summary: 'Stop watching a source; its undecided mentions go, the decided ones stay',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      await deleteListeningSource({ ctx: ctxOf(c), id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
  app.openapi(
    adminRoute('listening.manage', {
      method: 'post', path: '/api/admin/listening/sources/{id}/poll', tags, summary: 'Poll a source now (not twice a minute, not before a Retry-After it sent)',
      request: { params: IdParam },
      responses: {
        200: ok(z.object({ poll: SourcePoll, source: Source }), 'What the poll read and added'),
        ...problemResponses,
        ...notFound,
        409: { description: 'Being polled right now' },
        429: { description: 'Polled less than a minute ago, or the source asked to wait (Retry-After)' },
      },
    }),
    async (c) => c.json(await pollListeningSourceNow({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('listening.read', {
      method: 'get', path: '/api/admin/listening/mentions', tags, summary: 'The inbox: mentions in a state (default new), newest first',
      request: { query: ListMentionsInput },
      responses: {
        200: ok(z.object({ mentions: z.array(Mention), counts: z.object({ new: z.number(), dismissed: z.number(), rumor: z.number() }), next_cursor: z.string().nullable() }), 'A page of mentions and the count in each state'),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await listMentions({ ctx: ctxOf(c), input: c.req.valid('query') }), 200),
  );
  app.openapi(
    adminRoute('listening.manage', {
      method: 'post', path: '/api/admin/listening/mentions/{id}/dismiss', tags, summary: 'Take a mention out of the inbox: nothing to correct',
      request: { params: IdParam },
      responses: { 200: ok(Mention, 'The mention, dismissed'), ...problemResponses, ...mentionNotFound, ...decided },
    }),
    async (c) => c.json(await dismissMention({ ctx: ctxOf(c), id: c.req.valid('param').id }), 200),
  );
  app.openapi(
    adminRoute('listening.manage', {
      method: 'post', path: '/api/admin/listening/mentions/{id}/rumor', tags, summary: 'Record a mention as an open rumor on an incident\'s fact sheet (needs facts.edit too)',
      request: { params: IdParam, ...jsonBody(TurnMentionIntoRumorInput) },
      responses: { 201: ok(z.object({ mention: Mention, entry: FactEntry }), 'The mention and the rumor entry'), ...problemResponses, ...mentionNotFound, ...decided },
    }),
    async (c) => c.json(await turnMentionIntoRumor({ ctx: ctxOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );
}
