import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createApp } from '../../src/surfaces/api/app.ts';
import { liveIncidentStreams } from '../../src/surfaces/api/routes/incident-events.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { createToken } from '../../src/services/access/create-token.ts';

interface SseBlock {
  event?: string;
  id?: string;
  data?: any;
  comment?: string;
}

function parseBlock(block: string): SseBlock {
  const parsed: SseBlock = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) parsed.comment = line.slice(1).trim();
    else if (line.startsWith('event: ')) parsed.event = line.slice(7);
    else if (line.startsWith('id: ')) parsed.id = line.slice(4);
    else if (line.startsWith('data: ')) parsed.data = JSON.parse(line.slice(6));
  }
  return parsed;
}

/** A client of the stream: reads blocks as they come, and hangs up. */
function client(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const seen: SseBlock[] = [];
  return {
    seen,
    /** Reads until a block matches, returning the blocks read on the way (the match last). */
    async until(match: (block: SseBlock) => boolean): Promise<SseBlock[]> {
      const read: SseBlock[] = [];
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          read.push(block);
          seen.push(block);
          if (match(block)) return read;
          continue;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error(`the stream ended before the block expected; read: ${JSON.stringify(read)}`);
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

const isChange = (block: SseBlock) => block.event === 'change';

describe('live changes of an incident, as server-sent events', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    // The same app, checking every 5 ms and sending a keepalive every 40 ms instead of 1 s and 15 s.
    app = createApp({
      db: h.db, queue: h.queue, logger: h.logger, now: h.clock.now, secureCookies: false, siteDir: h.siteDir,
      publicUrl: 'https://tocsin.example.test', isReady: () => true, liveStream: { checkEveryMs: 5, keepaliveEveryMs: 40 },
    });
    const opened = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Paiements refusés SECRET-NAME', impact: 'major', body: 'Les paiements par carte échouent.', deliver_notifications: false } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    incidentId = opened.body.id;
  });
  after(async () => h?.close());

  const connect = async (token: string, headers: Record<string, string> = {}) => {
    const res = await app.request(`/api/admin/incidents/${incidentId}/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    return client(res.body!);
  };

  it('a viewer gets where each part stands on connect: numbers only, never the incident\'s content', async () => {
    const stream = await connect(h.tokens.viewer);
    const [first] = await stream.until(isChange);
    await stream.close();
    assert.deepEqual(Object.keys(first!.data).sort(), ['alerts', 'facts', 'incident', 'messages', 'regulatory', 'revision', 'updates']);
    assert.equal(first!.id, first!.data.revision, 'the event id is the revision, for Last-Event-ID');
    assert.doesNotMatch(JSON.stringify(first), /SECRET-NAME|cartes?/);
    const json = await h.request('GET', `/api/admin/incidents/${incidentId}/events`, { token: h.tokens.viewer });
    assert.deepEqual(json.body, first!.data, 'without text/event-stream: the same revision as JSON');
  });

  it('a fact added by a colleague moves the fact sheet\'s part, and a message drafted moves the messages\' part', async () => {
    const stream = await connect(h.tokens.support);
    const [first] = await stream.until(isChange);
    const added = await h.request('POST', `/api/admin/incidents/${incidentId}/facts/entries`, { token: h.tokens.comms_lead, body: { kind: 'known', text: 'Les paiements échouent depuis 15 h 10.', source: 'Astreinte' } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const afterFact = (await stream.until(isChange)).at(-1)!.data;
    assert.ok(afterFact.facts > first!.data.facts, 'the fact sheet moved');
    assert.equal(afterFact.incident, first!.data.incident, 'the incident itself did not');
    assert.equal(afterFact.messages, first!.data.messages);
    const drafted = await h.request('POST', `/api/admin/incidents/${incidentId}/messages`, { token: h.tokens.comms_lead, body: { stage: 'update', audiences: ['customers'], languages: ['fr'], channels: ['status_page'] } });
    assert.equal(drafted.status, 201, JSON.stringify(drafted.body));
    const afterMessage = (await stream.until(isChange)).at(-1)!.data;
    assert.ok(afterMessage.messages > afterFact.messages, 'the messages moved');
    const update = await h.request('POST', `/api/admin/incidents/${incidentId}/updates`, { token: h.tokens.incident_lead, body: { status: 'identified', body: 'La cause est identifiée.', deliver_notifications: false } });
    assert.equal(update.status, 201, JSON.stringify(update.body));
    const afterUpdate = (await stream.until(isChange)).at(-1)!.data;
    assert.ok(afterUpdate.updates > afterMessage.updates, 'the public updates moved');
    assert.ok(afterUpdate.incident > afterMessage.incident, 'and the incident, whose status follows them');
    await stream.close();
  });

  it('a browser reconnecting with the revision it has gets no event again, only keepalives, until something moves', async () => {
    const current = (await h.request('GET', `/api/admin/incidents/${incidentId}/events`, { token: h.tokens.viewer })).body;
    const stream = await connect(h.tokens.viewer, { 'last-event-id': current.revision });
    const quiet = await stream.until((block) => block.comment === 'keepalive');
    assert.equal(quiet.filter(isChange).length, 0, 'nothing moved: nothing sent before the keepalive');
    const renamed = await h.request('PATCH', `/api/admin/incidents/${incidentId}`, { token: h.tokens.incident_lead, body: { name: 'Paiements par carte refusés' } });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const change = (await stream.until(isChange)).at(-1)!;
    assert.ok(change.data.incident > current.incident);
    assert.notEqual(change.id, current.revision);
    await stream.close();
  });

  it('stops reading the database when the client hangs up', async () => {
    const stream = await connect(h.tokens.viewer);
    await stream.until(isChange);
    assert.ok(liveIncidentStreams() >= 1);
    await stream.close();
    // The loop notices the hang-up at its next check; wait for that, not for a fixed time.
    for (let tries = 0; liveIncidentStreams() > 0 && tries < 500; tries++) await delay(5);
    assert.equal(liveIncidentStreams(), 0);
  });

  it('answers 401 without sign-in and 404 for another workspace\'s incident, before any stream starts', async () => {
    assert.equal((await app.request(`/api/admin/incidents/${incidentId}/events`, { headers: { accept: 'text/event-stream' } })).status, 401);
    const other = await createWorkspace({ db: h.db, input: { slug: 'other', name: 'Other Co', time_zone: 'Europe/Paris' }, now: h.clock.now() });
    const { token } = await createToken({ ctx: { workspaceId: other.id, actor: { type: 'system', name: 'test' }, db: h.db, queue: h.queue, now: h.clock.now }, input: { name: 'other owner', role: 'owner' } });
    const res = await app.request(`/api/admin/incidents/${incidentId}/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((await h.request('GET', '/api/admin/incidents/nosuchincide/events', { token: h.tokens.viewer })).status, 404);
  });
});
