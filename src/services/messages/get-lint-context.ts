import { authorize, withTransaction, type Ctx } from '../context.ts';
import { fetchMessage, loadCommsSettings, stageOf } from './internal.ts';
import { messageLintSetting } from './message-view.ts';

/**
 * What the linter checks a message's variants against besides their text — the incident's facts as
 * they will be once it is out, the glossary, the workspace's rule levels, the time zone — and the
 * server's clock, so that the console lints as the person types exactly as the server does on save.
 */
export async function getLintContext({ ctx, messageId }: { ctx: Ctx; messageId: string }) {
  authorize(ctx, 'facts.read');
  return withTransaction(ctx, async (tx) => {
    const message = await fetchMessage(tx, ctx, messageId);
    const setting = await messageLintSetting(tx, ctx, message, await loadCommsSettings(tx, ctx.workspaceId));
    return {
      message_id: message.id,
      stage: stageOf(message),
      next_update_at: message.next_update_at?.toISOString() ?? null,
      facts: setting.facts ?? null,
      glossary: setting.glossary,
      rules: setting.rules,
      time_zone: setting.timeZone,
      now: ctx.now().toISOString(),
    };
  });
}
