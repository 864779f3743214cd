import type { DatabaseHandle } from '../../adapters/db/connect.ts';
import type { Queue } from '../../adapters/queue/queue.ts';
import type { ComponentStatus } from '../../domain/component/status.ts';
import { newSecret } from '../../domain/ids.ts';
import type { Ctx } from '../context.ts';
import { addUser } from '../access/add-user.ts';
import { createComponent } from '../component/create-component.ts';
import { createGroup } from '../component/create-group.ts';
import { applyComponentStatus } from '../component/component-status.ts';
import { createPage } from '../page/pages.ts';
import { createWorkspace } from '../workspace/create-workspace.ts';
import { demoGroups, demoOwnerEmail, demoPages, demoPeople, demoWorkspace, type ComponentKey } from './catalog.ts';
import { seedDemoStory, storyDays } from './story.ts';
import { seedDemoClosing } from './demo-closing.ts';
import { seedDemoCompensation } from './demo-compensation.ts';
import { seedDemoCorrections } from './demo-corrections.ts';
import { seedDemoListening } from './demo-listening.ts';
import { seedDemoDrills } from './demo-drills.ts';
import { seedDemoCrisisPlan } from './demo-crisis-plan.ts';

/** What the after-the-crisis seeds get: the demo's clock, its components and people by key. */
export interface DemoSeedContext {
  now: Date;
  setClock(at: Date): void;
  componentIds: Map<ComponentKey, string>;
  userIds: Map<string, string>;
}

export interface DemoSeedResult {
  created: boolean;
  ownerEmail: string;
  /** Set only when the demo was created now and no TOCSIN_ADMIN_PASSWORD was given. */
  generatedPassword?: string;
}

const minute = 60_000;
const day = 86_400_000;

/** A small deterministic random source, so every fresh demo tells the same story. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Creates the demo workspace once: a fictional cloud provider with its people, three status pages,
 * twelve components in three groups, 90 days of status history, past incidents, a scheduled
 * maintenance and an incident going on now. Does nothing when the workspace already exists.
 */
export async function seedDemo({ db, queue, now, password, statusUrl = 'http://localhost:3001' }: {
  db: DatabaseHandle;
  queue: Queue;
  now: Date;
  password?: string;
  /** Where the demo's static server shows the pages: the English one at its root, the others below. */
  statusUrl?: string;
}): Promise<DemoSeedResult> {
  const existing = await db.db.selectFrom('workspaces').select('id').where('slug', '=', demoWorkspace.slug).executeTakeFirst();
  if (existing) return { created: false, ownerEmail: demoOwnerEmail };

  const demoPassword = password ?? newSecret().slice(0, 20);
  let clock = new Date(now.getTime() - 95 * day);
  const workspace = await createWorkspace({ db, input: demoWorkspace, now: clock });
  const ctx: Ctx = { workspaceId: workspace.id, actor: { type: 'system', name: 'demo' }, db, queue, now: () => clock };

  const userIds = new Map<string, string>();
  for (const person of demoPeople) {
    const user = await addUser({ ctx, input: { ...person, password: demoPassword } });
    userIds.set(person.role, user.id);
  }
  for (const page of demoPages) {
    const url = page.visibility === 'private' ? null : page.slug === 'status' ? statusUrl : `${statusUrl}/${page.slug}`;
    await createPage({ ctx, input: { ...page, url } });
  }

  const componentIds = new Map<ComponentKey, string>();
  for (const group of demoGroups) {
    const created = await createGroup({ ctx, input: { name: group.name, description: group.description } });
    for (const component of group.components) {
      const row = await createComponent({ ctx, input: { name: component.name, description: component.description, group_id: created.id } });
      componentIds.set(component.key, row.id);
    }
  }

  // Brief unexplained blips, the kind every real history has between its incidents.
  const random = mulberry32(2026);
  const blips: Array<{ at: Date; key: ComponentKey; status: ComponentStatus }> = [];
  const keys = [...componentIds.keys()];
  for (let index = 0; index < 26; index++) {
    const key = keys[Math.floor(random() * keys.length)]!;
    const daysAgo = 3 + random() * 85;
    if (storyDays.some((storyDay) => Math.abs(storyDay - daysAgo) < 1.5)) continue;
    const start = new Date(now.getTime() - daysAgo * day);
    const status: ComponentStatus = random() < 0.75 ? 'degraded_performance' : 'partial_outage';
    blips.push({ at: start, key, status }, { at: new Date(start.getTime() + (10 + random() * 80) * minute), key, status: 'operational' });
  }
  blips.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const blip of blips) {
    clock = blip.at;
    await db.transaction((tx) => applyComponentStatus(tx, ctx, componentIds.get(blip.key)!, blip.status));
  }

  const seed: DemoSeedContext = { now, setClock: (at) => (clock = at), componentIds, userIds };
  await seedDemoStory({ ctx, ...seed });
  await seedDemoClosing(ctx, seed);
  await seedDemoCompensation(ctx, seed);
  await seedDemoCorrections(ctx, seed);
  await seedDemoListening(ctx, seed);
  await seedDemoDrills(ctx, seed);
  await seedDemoCrisisPlan(ctx, seed);

  return { created: true, ownerEmail: demoOwnerEmail, generatedPassword: password ? undefined : demoPassword };
}
