import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/adapters/db/connect.ts';
import type { Queue } from '../../src/adapters/queue/queue.ts';
import type { Ctx } from '../../src/services/context.ts';
import { createWorkspace } from '../../src/services/workspace/create-workspace.ts';
import { createPage } from '../../src/services/page/pages.ts';
import { openIncident } from '../../src/services/incident/open-incident.ts';
import { createMessage } from '../../src/services/messages/create-message.ts';
import { approveMessage } from '../../src/services/messages/approve-message.ts';
import { publishMessage } from '../../src/services/messages/publish-message.ts';
import { addUser } from '../../src/services/access/add-user.ts';

export interface FanOut {
  ctx: Ctx;
  workspaceId: string;
  pageId: string;
  incidentId: string;
  messageId: string;
  /** Recipients per channel the publish queued. */
  deliveries: Record<string, number>;
  /** How long the publish took: the transaction that writes the deliveries (bench:fanout reports it). */
  publishMs: number;
}

/**
 * A workspace whose page has `subscribers` confirmed e-mail subscribers (`reader-<n>@example.test`,
 * every other one French), and a published first message in French and English: the state right
 * after "publish" on a large page. The incident opens without notifying: the message is the news.
 * Subscribers are inserted by one statement, as an import would.
 */
export async function publishToSubscribers(db: DatabaseHandle, queue: Queue, { subscribers, slug = 'fanout', now = () => new Date() }: { subscribers: number; slug?: string; now?: () => Date }): Promise<FanOut> {
  const workspace = await createWorkspace({ db, input: { slug, name: 'Fan-out Cloud', time_zone: 'Europe/Paris' }, now: now() });
  const ctx: Ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'fan-out fixture' }, db, queue, now };
  const page = await createPage({ ctx, input: { slug: 'status', name: 'Fan-out status', language: 'en', time_zone: 'Europe/Paris' } });
  await sql`
    insert into subscribers (workspace_id, id, page_id, channel, address, language, state, manage_token, source, confirmed_at)
    select ${workspace.id}, 's' || lpad(n::text, 11, '0'), ${page.id}, 'email', 'reader-' || n || '@example.test',
      case when n % 2 = 0 then 'fr' else 'en' end, 'active', 'token-' || n, 'import', now()
    from generate_series(1, ${subscribers}::int) as n`.execute(db.db);
  const incident = await openIncident({ ctx, input: { name: 'Card payments failing', impact: 'major', body: 'We are investigating failed card payments.', deliver_notifications: false } });
  const message = await createMessage({ ctx, incidentId: incident.id, input: { stage: 'first', audiences: ['customers'], languages: ['fr', 'en'], channels: ['status_page', 'email'] } });
  // Four eyes: someone other than the author approves.
  const reviewer = await addUser({ ctx, input: { email: `reviewer@${slug}.test`, name: 'Reviewer', role: 'reviewer' } });
  const reviewerCtx: Ctx = { ...ctx, actor: { type: 'user', id: reviewer.id, name: 'Reviewer', role: 'reviewer' } };
  await approveMessage({ ctx: reviewerCtx, messageId: message.id, input: { override_reason: 'A fixture: the templates are sent as they are.' } });
  const started = performance.now();
  const published = await publishMessage({ ctx, messageId: message.id });
  return { ctx, workspaceId: workspace.id, pageId: page.id, incidentId: incident.id, messageId: message.id, deliveries: published.deliveries, publishMs: performance.now() - started };
}
