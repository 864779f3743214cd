import { z } from 'zod';
import { Id, Language, parseInput } from '../schemas.ts';
import { assertComponentsExist, findByToken, setComponents } from './internal.ts';
import type { SelfServiceDeps } from './public-context.ts';
import { subscriptionView, type SubscriptionView } from './subscription-view.ts';

export const UpdatePreferencesInput = z.strictObject({
  language: Language.optional(),
  /** The components to hear about; empty: every component. */
  components: z.array(Id).max(500).optional(),
});
export type UpdatePreferencesInput = z.input<typeof UpdatePreferencesInput>;

/** The token's holder chooses their language and the components they hear about. */
export async function updatePreferences({ deps, token, input }: { deps: SelfServiceDeps; token: string; input: unknown }): Promise<SubscriptionView | undefined> {
  const data = parseInput(UpdatePreferencesInput, input);
  return deps.db.transaction(async (tx) => {
    const holder = await findByToken(tx, token);
    if (!holder) return undefined;
    const { subscriber } = holder;
    const set: { language?: 'fr' | 'en'; all_components?: boolean } = {};
    if (data.language) set.language = data.language;
    if (data.components) {
      const components = [...new Set(data.components)];
      await assertComponentsExist(tx, subscriber.workspace_id, components, '/components');
      await setComponents(tx, subscriber.workspace_id, subscriber.id, components);
      set.all_components = components.length === 0;
    }
    const row = await tx
      .updateTable('subscribers')
      .set({ ...set, updated_at: deps.now(), version: subscriber.version + 1 })
      .where('workspace_id', '=', subscriber.workspace_id)
      .where('id', '=', subscriber.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return subscriptionView(tx, { ...holder, subscriber: row });
  });
}
