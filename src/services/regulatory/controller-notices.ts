import type { Tx } from '../../adapters/db/connect.ts';
import { loadKnownFacts } from '../facts/known-facts.ts';
import type { FactFigures, Row } from '../../adapters/db/schema.ts';
import { controllerDeliveryKey, controllerNotice, controllersAudience, controllersAudienceName } from '../../domain/clocks/breach-register.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { loadMessage } from '../messages/message-view.ts';
import { defaultAudiences, defaultCadence, defaultStatusPageAudience, loadCommsSettings, presentCommsSettings } from '../settings/comms-settings.ts';
import { loadIncidentBreachRecord } from './breach-register.ts';
import { affectedControllers } from './data-controllers.ts';
import { loadRegulatoryProfile } from './profile.ts';

/**
 * Drafts the processor's notice to the controllers a breach concerns (GDPR Art. 33(2)): one e-mail
 * variant per language they read, for the `controllers` audience, prefilled from the fact sheet and
 * the breach record. It then goes the ordinary way: lint, review, approval, publish. Refused when the
 * workspace is not a processor, the incident is not a breach, or no active controller is concerned.
 */
export async function draftControllerNotice({ ctx, incidentId }: { ctx: Ctx; incidentId: string }) {
  authorize(ctx, 'regulatory.manage');
  return withTransaction(ctx, async (tx) => {
    const incident = await tx.selectFrom('incidents').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', incidentId).executeTakeFirst();
    if (!incident) throw new NotFoundError('incident', incidentId);
    const [profile, sheet] = await Promise.all([
      loadRegulatoryProfile(tx, ctx.workspaceId),
      tx.selectFrom('fact_sheets').select('personal_data_breach').where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incidentId).executeTakeFirst(),
    ]);
    if (!profile.gdpr_roles.includes('processor')) {
      throw new ConflictError('not-a-processor', 'The workspace does not process personal data for customers: add "processor" to gdpr_roles (PATCH /api/admin/settings/regulatory) to notify controllers.');
    }
    if (!sheet?.personal_data_breach) {
      throw new ConflictError('not-a-personal-data-breach', `Incident ${incidentId} is not flagged as a personal-data breach: flag it on its fact sheet (PATCH /api/admin/incidents/${incidentId}/facts) first.`);
    }
    const controllers = await affectedControllers(tx, ctx, incidentId);
    if (controllers.length === 0) {
      throw new ConflictError('no-affected-controllers', 'No active data controller follows a component of this incident: add them (POST /api/admin/data-controllers) first.');
    }
    const languages = [...new Set(controllers.map((c) => c.language))].sort();
    await ensureControllersAudience(tx, ctx);
    const facts = await noticeFacts(tx, ctx, incident);
    const now = ctx.now();
    const message: Row<'messages'> = {
      workspace_id: ctx.workspaceId, id: newId(), incident_id: incidentId, stage: 'breach_notice', state: 'draft', next_update_at: null,
      // The notice is for the controllers alone: never for the status page's subscribers.
      notify_subscribers: false,
      emergency: false, emergency_reason: null,
      author_type: ctx.actor.type, author_id: ctx.actor.type === 'system' ? null : ctx.actor.id, author_name: ctx.actor.name,
      created_at: now, updated_at: now, published_at: null, published_by_name: null, incident_update_id: null, version: 1,
    };
    await tx.insertInto('messages').values(message).execute();
    const variants: Row<'message_variants'>[] = languages.map((language) => {
      const text = controllerNotice(facts, language, now);
      return {
        workspace_id: ctx.workspaceId, id: newId(), message_id: message.id, audience: controllersAudience, language, channel: 'email', network: null,
        subject: text.subject, body: text.body, editor_type: message.author_type, editor_id: message.author_id, editor_name: message.author_name,
        created_at: now, updated_at: now, version: 1,
      };
    });
    await tx.insertInto('message_variants').values(variants).execute();
    const presented = await loadMessage(tx, ctx, message);
    await recordAudit(tx, ctx, {
      action: 'message.create',
      entityType: 'message',
      entityId: message.id,
      after: { ...presented, variants: presented.variants.map(({ findings: _, ...v }) => v), purpose: 'controller_notice', controllers: controllers.map((c) => c.id) },
    });
    return presented;
  });
}

/** The `controllers` audience, added to the workspace's audiences the first time a notice is drafted. */
async function ensureControllersAudience(tx: Tx, ctx: Ctx): Promise<void> {
  if ((await loadCommsSettings(tx, ctx.workspaceId)).audiences.some((a) => a.id === controllersAudience)) return;
  await tx
    .insertInto('comms_settings')
    .values({ workspace_id: ctx.workspaceId, audiences: JSON.stringify(defaultAudiences), cadence: JSON.stringify(defaultCadence), status_page_audience: defaultStatusPageAudience, updated_at: ctx.now(), version: 0 })
    .onConflict((conflict) => conflict.column('workspace_id').doNothing())
    .execute();
  const row = await tx.selectFrom('comms_settings').selectAll().where('workspace_id', '=', ctx.workspaceId).forUpdate().executeTakeFirstOrThrow();
  const before = presentCommsSettings(row);
  if (before.audiences.some((a) => a.id === controllersAudience)) return;
  const audiences = [...before.audiences, { id: controllersAudience, name: { ...controllersAudienceName }, lay: false, readability_min: null }];
  const updated = await tx
    .updateTable('comms_settings')
    .set({ audiences: JSON.stringify(audiences), updated_at: ctx.now(), version: before.version + 1 })
    .where('workspace_id', '=', ctx.workspaceId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, ctx, { action: 'settings.update', entityType: 'settings', entityId: ctx.workspaceId, before, after: { ...presentCommsSettings(updated), reason: 'controllers audience added for a breach notice' } });
}

/** What the notice says: confirmed facts, awareness, services, data and numbers, measures, the referent. */
async function noticeFacts(tx: Tx, ctx: Ctx, incident: Row<'incidents'>) {
  const [workspace, regulatory, record, known, components, referent] = await Promise.all([
    tx.selectFrom('workspaces').select(['name', 'time_zone']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow(),
    tx.selectFrom('incident_regulatory').select('aware_at_gdpr').where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', incident.id).executeTakeFirst(),
    loadIncidentBreachRecord(tx, ctx, incident.id),
    loadKnownFacts(tx, ctx, incident.id),
    tx
      .selectFrom('incident_components as ic')
      .innerJoin('components as c', (join) => join.onRef('c.workspace_id', '=', 'ic.workspace_id').onRef('c.id', '=', 'ic.component_id'))
      .select('c.name')
      .where('ic.workspace_id', '=', ctx.workspaceId)
      .where('ic.incident_id', '=', incident.id)
      .orderBy('c.position')
      .execute(),
    incident.referent_id ? tx.selectFrom('users').select(['name', 'email']).where('id', '=', incident.referent_id).executeTakeFirst() : undefined,
  ]);
  const figures: FactFigures = {};
  for (const entry of known) for (const [key, value] of Object.entries(entry.figures ?? {})) if (value !== null && value !== undefined) Object.assign(figures, { [key]: value });
  return {
    company: workspace.name,
    incidentName: incident.name,
    timeZone: workspace.time_zone,
    awareAt: regulatory?.aware_at_gdpr ?? null,
    components: components.map((c) => c.name),
    known: known.map((k) => ({ text: k.text, language: k.language })),
    dataCategories: record?.data_categories ?? [],
    subjectsApprox: record?.subjects_approx ?? figures.affected_people ?? null,
    recordsApprox: record?.records_approx ?? figures.records ?? null,
    measures: record?.measures ?? null,
    referent: referent ?? null,
  };
}

/**
 * Called in the publish transaction: a message whose `controllers` e-mails were queued is the
 * processor's notice, so it is recorded as the 'gdpr.processor_to_controller' report at publish
 * time, and as the incident's processor_notified_controller_at when that is still empty.
 */
export async function recordControllerNotice(tx: Tx, ctx: Ctx, { message }: { message: Row<'messages'> }): Promise<boolean> {
  const queued = await tx
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', ctx.workspaceId)
    .where('message_id', '=', message.id)
    .where('dedupe_key', 'like', `${controllerDeliveryKey(message.id, '')}%`)
    .executeTakeFirstOrThrow();
  if (Number(queued.count) === 0) return false;
  const now = ctx.now();
  const submission = await tx
    .insertInto('regulatory_submissions')
    .values({
      workspace_id: ctx.workspaceId, id: newId(), incident_id: message.incident_id, regime: 'gdpr', report: 'processor_to_controller', submitted_at: now,
      authority_ref: `message:${message.id}`, late_reason: null, is_complete: false,
      recorded_by_id: ctx.actor.type === 'system' ? null : ctx.actor.id, recorded_by_name: ctx.actor.name, created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const before = await tx.selectFrom('incident_regulatory').selectAll().where('workspace_id', '=', ctx.workspaceId).where('incident_id', '=', message.incident_id).forUpdate().executeTakeFirst();
  if (!before?.processor_notified_controller_at) {
    await tx
      .insertInto('incident_regulatory')
      .values({ workspace_id: ctx.workspaceId, incident_id: message.incident_id, processor_notified_controller_at: now, updated_at: now, version: 1 })
      .onConflict((oc) => oc.columns(['workspace_id', 'incident_id']).doUpdateSet({ processor_notified_controller_at: now, updated_at: now, version: (before?.version ?? 0) + 1 }))
      .execute();
  }
  await recordAudit(tx, ctx, {
    action: 'regulatory_submission.record',
    entityType: 'incident_regulatory',
    entityId: message.incident_id,
    after: { id: submission.id, regime: 'gdpr', report: 'processor_to_controller', submitted_at: now.toISOString(), message_id: message.id, controllers: Number(queued.count), processor_notified_controller_at_set: !before?.processor_notified_controller_at },
  });
  return true;
}
