import type { Role } from '../../domain/access/roles.ts';
import type { Ctx } from '../context.ts';
import { createCorrection } from '../corrections/create-correction.ts';
import { addFactEntry } from '../facts/add-fact-entry.ts';
import { approveMessage } from '../messages/approve-message.ts';
import { publishMessage } from '../messages/publish-message.ts';
import { demoPeople } from './catalog.ts';
import type { DemoSeedContext } from './seed-demo.ts';

const minute = 60_000;

/**
 * The demo's corrections log: during the PAR-2 storage outage, a forum claims customer data was
 * lost; the communications lead corrects it, legal approves, and it is published an hour in.
 */
export async function seedDemoCorrections(ctx: Ctx, seed: DemoSeedContext): Promise<void> {
  const incident = await ctx.db.db.selectFrom('incidents').select(['id', 'created_at']).where('workspace_id', '=', ctx.workspaceId).where('name', '=', 'Object storage unavailable in PAR-2').executeTakeFirst();
  if (!incident) return;
  const as = (role: Role): Ctx => {
    const person = demoPeople.find((p) => p.role === role)!;
    return { ...ctx, actor: { type: 'user', id: seed.userIds.get(role)!, name: person.name, role } };
  };
  const at = (minutes: number) => seed.setClock(new Date(incident.created_at.getTime() + minutes * minute));

  at(55);
  const rumor = await addFactEntry({ ctx: as('comms_lead'), incidentId: incident.id, input: { kind: 'rumor', text: 'Customers say the data stored in PAR-2 is lost for good', source: 'Hosting forum thread, 13:55 UTC, shared on social networks' } });
  at(62);
  const correction = await createCorrection({
    ctx: as('comms_lead'),
    incidentId: incident.id,
    input: {
      rumor_id: rumor.id,
      said: { en: 'The data stored in PAR-2 is lost for good', fr: 'Les données stockées à PAR-2 sont définitivement perdues' },
      truth: {
        en: 'No data is lost. Every object is stored on three servers, and none of them failed: the buckets cannot be reached because a network switch failed, not because of the disks.',
        fr: 'Aucune donnée n’est perdue. Chaque objet est stocké sur trois serveurs, et aucun n’est tombé en panne : les buckets sont injoignables à cause d’un commutateur réseau, pas des disques.',
      },
    },
  });
  at(68);
  await approveMessage({ ctx: as('reviewer'), messageId: correction.message_id });
  at(70);
  await publishMessage({ ctx: as('comms_lead'), messageId: correction.message_id });
  seed.setClock(seed.now);
}
