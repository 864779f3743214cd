import type { Role } from '../../domain/access/roles.ts';
import type { Ctx } from '../context.ts';
import { createDrill } from '../drills/create-drill.ts';
import { advanceDrill } from '../drills/advance-drill.ts';
import { finishDrill } from '../drills/finish-drill.ts';
import { sinkSandboxDeliveries } from '../drills/sink-deliveries.ts';
import { startDrill } from '../drills/start-drill.ts';
import { approveMessage } from '../messages/approve-message.ts';
import { createMessage } from '../messages/create-message.ts';
import { publishMessage } from '../messages/publish-message.ts';
import { demoPeople } from './catalog.ts';
import type { DemoSeedContext } from './seed-demo.ts';

const day = 86_400_000;
/** Demo drills run at ×60: a real second is a drill minute. */
const speed = 60;

/**
 * A drill the demo cell played last week: the SaaS partial outage at ×60, a first message 25 drill
 * minutes in, the promised update on time at minute 80, the next one missed; finished and scored.
 */
export async function seedDemoDrills(ctx: Ctx, seed: DemoSeedContext): Promise<void> {
  const startedAt = new Date(seed.now.getTime() - 6 * day);
  const realAt = (minute: number) => new Date(startedAt.getTime() + (minute * 60_000) / speed);
  const drillAt = (minute: number) => new Date(startedAt.getTime() + minute * 60_000);
  const as = (role: Role, workspaceId = ctx.workspaceId, now = ctx.now): Ctx => {
    const person = demoPeople.find((p) => p.role === role)!;
    return { ...ctx, workspaceId, now, actor: { type: 'user', id: seed.userIds.get(role)!, name: person.name, role } };
  };

  seed.setClock(startedAt);
  const drill = await createDrill({ ctx: as('comms_lead'), input: { scenario: 'saas-partial-outage', speed } });
  await startDrill({ ctx: as('comms_lead'), id: drill.id });
  const sandbox = drill.sandbox.workspace_id;
  const incident = await ctx.db.db.selectFrom('incidents').select('id').where('workspace_id', '=', sandbox).executeTakeFirstOrThrow();

  const publishAt = async (minute: number, stage: 'first' | 'update', nextInMinutes: number) => {
    seed.setClock(realAt(minute));
    await advanceDrill({ db: ctx.db, queue: ctx.queue, now: ctx.now }, { workspace_id: ctx.workspaceId, id: drill.id });
    const now = () => drillAt(minute);
    const message = await createMessage({
      ctx: as('comms_lead', sandbox, now),
      incidentId: incident.id,
      input: { stage, audiences: ['customers'], languages: ['fr', 'en'], channels: ['status_page', 'email'], next_update_at: drillAt(minute + nextInMinutes).toISOString() },
    });
    await approveMessage({ ctx: as('reviewer', sandbox, now), messageId: message.id, input: { override_reason: 'Exercice : le modèle part tel quel.' } });
    await publishMessage({ ctx: as('comms_lead', sandbox, now), messageId: message.id });
  };
  await publishAt(25, 'first', 60);
  await publishAt(80, 'update', 60);

  seed.setClock(realAt(160));
  await finishDrill({ ctx: as('comms_lead'), id: drill.id });
  await sinkSandboxDeliveries(ctx.db, realAt(160));
  seed.setClock(seed.now);
}
