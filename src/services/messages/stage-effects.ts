import type { Tx } from '../../adapters/db/connect.ts';
import type { Row } from '../../adapters/db/schema.ts';
import type { Stage } from '../../domain/message/stages.ts';
import type { Ctx } from '../context.ts';
import { afterClosingPublish, beforeClosingPublish } from '../closing/on-publish.ts';
import { afterCompensationPublish, beforeCompensationPublish } from '../compensation/on-publish.ts';
import { afterCorrectionPublish, beforeCorrectionPublish } from '../corrections/on-publish.ts';

/** A message being published, as the after-the-crisis areas see it. */
export interface PublishingMessage {
  message: Row<'messages'>;
  variants: Row<'message_variants'>[];
  incident: Row<'incidents'>;
  stage: Stage;
  now: Date;
}

/**
 * What a stage's publish checks first (a closing waits for the pending promises) and sets off after
 * (an announced compensation becomes a promise, a published correction enters the public log).
 */
export async function beforeStagePublish(tx: Tx, ctx: Ctx, publishing: PublishingMessage): Promise<void> {
  await beforeClosingPublish(tx, ctx, publishing);
  await beforeCompensationPublish(tx, ctx, publishing);
  await beforeCorrectionPublish(tx, ctx, publishing);
}

export async function afterStagePublish(tx: Tx, ctx: Ctx, publishing: PublishingMessage): Promise<void> {
  await afterClosingPublish(tx, ctx, publishing);
  await afterCompensationPublish(tx, ctx, publishing);
  await afterCorrectionPublish(tx, ctx, publishing);
}
