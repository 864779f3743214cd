import type { Ctx } from '../context.ts';
import type { DemoSeedContext } from './seed-demo.ts';

/** The demo workspace's compensation data, seeded after its story. */
export async function seedDemoCompensation(ctx: Ctx, seed: DemoSeedContext): Promise<void> {
  void ctx;
  void seed;
}
