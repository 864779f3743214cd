import { z } from 'zod';
import { InvalidError, NotFoundError } from '../../domain/errors.ts';
import { incidentTemplateKeys } from '../../domain/incident/templates.ts';
import { authorize, recordAudit, withTransaction, type Ctx } from '../context.ts';
import { parseInput } from '../schemas.ts';
import { incidentTemplateHash, messageTemplateHash } from './internal.ts';

export const ApproveTemplateInput = z.strictObject({
  /** message_template: one of the workspace's templates (key: its id); incident_template: a built-in one (key: outage, data_breach…). */
  kind: z.enum(['message_template', 'incident_template']),
  key: z.string().trim().min(1).max(64),
});
export type ApproveTemplateInput = z.input<typeof ApproveTemplateInput>;

/**
 * A reviewer pre-approves a template in peacetime (doctrine §3: legal reviews what is said). The mark
 * is bound to the template's content as it reads now: editing the template lifts it.
 */
export async function approveTemplate({ ctx, input }: { ctx: Ctx; input: ApproveTemplateInput }) {
  authorize(ctx, 'message.review');
  const data = parseInput(ApproveTemplateInput, input);
  return withTransaction(ctx, async (tx) => {
    const hash = await currentHash(ctx, tx, data.kind, data.key);
    const now = ctx.now();
    const values = {
      content_hash: hash,
      approved_by_type: ctx.actor.type,
      approved_by_id: ctx.actor.type === 'system' ? null : ctx.actor.id,
      approved_by_name: ctx.actor.name,
      approved_at: now,
    };
    await tx
      .insertInto('crisis_template_approvals')
      .values({ workspace_id: ctx.workspaceId, template_kind: data.kind, template_key: data.key, ...values })
      .onConflict((oc) => oc.columns(['workspace_id', 'template_kind', 'template_key']).doUpdateSet(values))
      .execute();
    const approval = { kind: data.kind, key: data.key, approved_by: ctx.actor.name, approved_at: now.toISOString(), is_current: true };
    await recordAudit(tx, ctx, { action: 'crisis_plan.approve_template', entityType: 'crisis_template_approval', entityId: `${data.kind}:${data.key}`, after: { ...approval, content_hash: hash } });
    return approval;
  });
}

/** Lifts a pre-approval by hand (the template no longer fits the plan). */
export async function withdrawTemplateApproval({ ctx, input }: { ctx: Ctx; input: { kind: string; key: string } }) {
  authorize(ctx, 'message.review');
  const data = parseInput(ApproveTemplateInput, input);
  return withTransaction(ctx, async (tx) => {
    const removed = await tx
      .deleteFrom('crisis_template_approvals')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('template_kind', '=', data.kind)
      .where('template_key', '=', data.key)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw new NotFoundError('template-approval', `${data.kind}:${data.key}`);
    await recordAudit(tx, ctx, { action: 'crisis_plan.withdraw_approval', entityType: 'crisis_template_approval', entityId: `${data.kind}:${data.key}`, before: { approved_by: removed.approved_by_name, approved_at: removed.approved_at.toISOString() } });
    return { kind: data.kind, key: data.key, withdrawn: true };
  });
}

async function currentHash(ctx: Ctx, tx: NonNullable<Ctx['tx']>, kind: 'message_template' | 'incident_template', key: string): Promise<string> {
  switch (kind) {
    case 'message_template': {
      const template = await tx.selectFrom('message_templates').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', key).forUpdate().executeTakeFirst();
      if (!template) throw new NotFoundError('message-template', key);
      return messageTemplateHash(template);
    }
    case 'incident_template': {
      const hash = incidentTemplateHash(key);
      if (!hash) throw new InvalidError(`No incident template "${key}": one of ${incidentTemplateKeys.join(', ')}.`, [{ pointer: '/key', detail: `one of ${incidentTemplateKeys.join(', ')}` }]);
      return hash;
    }
  }
}
