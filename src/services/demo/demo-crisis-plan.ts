import type { Role } from '../../domain/access/roles.ts';
import type { Ctx } from '../context.ts';
import { approveTemplate } from '../crisis-plan/approve-template.ts';
import { setRosterRole } from '../crisis-plan/set-roster-role.ts';
import { tickChecklistItem } from '../crisis-plan/tick-checklist-item.ts';
import type { DemoSeedContext } from './seed-demo.ts';

/**
 * A plausible crisis plan for the demo workspace, with gaps left on purpose so the readiness list
 * has something to say: no backup for the spokesperson or legal, no technical referent, a press
 * list not ticked.
 */
export async function seedDemoCrisisPlan(ctx: Ctx, seed: DemoSeedContext): Promise<void> {
  const id = (role: Role) => seed.userIds.get(role)!;
  const as = (role: Role, name: string): Ctx => ({ ...ctx, actor: { type: 'user', id: id(role), name, role } });
  const lead = as('comms_lead', 'Claire Dubois');
  const roster: Array<[string, SetRosterMembers]> = [
    ['crisis_lead', [{ user_id: id('incident_lead'), phone: '+33 6 12 40 18 22', out_of_hours_phone: '+33 6 12 40 18 22' }, { user_id: id('owner'), phone: '+33 6 70 11 52 90' }]],
    ['communications_lead', [{ user_id: id('comms_lead'), phone: '+33 6 31 77 02 45', availability_note: 'Joignable 7 h – 22 h' }, { user_id: id('reviewer'), phone: '+33 6 45 90 13 08' }]],
    ['spokesperson', [{ user_id: id('owner'), phone: '+33 6 70 11 52 90' }]],
    ['legal_dpo', [{ user_id: id('reviewer'), phone: '+33 6 45 90 13 08', email: 'dpo@demo.tocsin.test' }]],
    ['support_lead', [{ user_id: id('support'), phone: '+44 7400 123456' }, { user_id: id('comms_lead'), phone: '+33 6 31 77 02 45' }]],
    ['executive_sponsor', [{ user_id: id('owner'), phone: '+33 6 70 11 52 90' }, { user_id: id('incident_lead'), phone: '+33 6 12 40 18 22' }]],
  ];
  for (const [role, members] of roster) await setRosterRole({ ctx: lead, role, input: { members } });
  const reviewer = as('reviewer', 'Sophie Bernard');
  for (const key of ['outage', 'degradation', 'data_breach']) await approveTemplate({ ctx: reviewer, input: { kind: 'incident_template', key } });
  const templates = await ctx.db.db.selectFrom('message_templates').select('id').where('workspace_id', '=', ctx.workspaceId).where('stage', 'in', ['first', 'update', 'closing']).execute();
  for (const template of templates) await approveTemplate({ ctx: reviewer, input: { kind: 'message_template', key: template.id } });
  await tickChecklistItem({ ctx: lead, item: 'email', input: { is_ready: true, note: 'Relais SMTP testé le 3 mars' } });
  await tickChecklistItem({ ctx: lead, item: 'out_of_band_contact', input: { is_ready: true, note: 'Groupe Signal « Cellule de crise »' } });
}

type SetRosterMembers = Parameters<typeof setRosterRole>[0]['input']['members'];
