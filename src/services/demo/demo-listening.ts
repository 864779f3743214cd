import { newId } from '../../domain/ids.ts';
import { matchKeywords } from '../../domain/listening/keywords.ts';
import type { Ctx } from '../context.ts';
import { createListeningSource } from '../listening/create-source.ts';
import type { DemoSeedContext } from './seed-demo.ts';

const minute = 60_000;

/**
 * The demo workspace's listening: a feed and a Mastodon hashtag (disabled and on localhost: the demo
 * reaches no network) and what they would have brought in about the PAR-2 slowdown.
 */
export async function seedDemoListening(ctx: Ctx, seed: DemoSeedContext): Promise<void> {
  const { now } = seed;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * minute);
  const keywords = ['Altostrat', 'PAR-2', 'données', 'data', 'panne'];
  const feed = await createListeningSource({ ctx, input: { name: 'Le Journal du Cloud (RSS)', kind: 'feed', url: 'http://localhost:8081/feeds/cloud.xml', keywords, enabled: false, poll_every_seconds: 300 } });
  const social = await createListeningSource({ ctx, input: { name: 'Mastodon #Altostrat', kind: 'mastodon', url: 'http://localhost:8082', hashtag: 'Altostrat', keywords, enabled: false, poll_every_seconds: 120 } });
  const said: Array<{ source: typeof feed; external: string; url: string; author: string; text: string; minutesAgo: number; state?: 'dismissed' }> = [
    { source: social, external: '113000000000000101', url: 'http://localhost:8082/@sysadmin_lyon/113000000000000101', author: '@sysadmin_lyon', text: 'Nos bases #Altostrat à PAR-2 répondent en 8 secondes depuis ce matin. Quelqu’un d’autre ?', minutesAgo: 38 },
    { source: social, external: '113000000000000102', url: 'http://localhost:8082/@cloudwatcher/113000000000000102', author: '@cloudwatcher (Cloud Watcher)', text: 'Il paraît qu’Altostrat a perdu des données clients à PAR-2, un ami y travaille #Altostrat', minutesAgo: 21 },
    { source: feed, external: 'https://journal-du-cloud.example/altostrat-par2', url: 'https://journal-du-cloud.example/altostrat-par2', author: 'Le Journal du Cloud', text: 'Altostrat : ralentissements sur les bases managées de PAR-2\nL’hébergeur évoque une surcharge de stockage et promet un point à 11 h.', minutesAgo: 12 },
    { source: social, external: '113000000000000103', url: 'http://localhost:8082/@fan_du_cloud/113000000000000103', author: '@fan_du_cloud', text: 'Merci #Altostrat pour les mises à jour régulières pendant la panne 👏', minutesAgo: 6, state: 'dismissed' },
  ];
  await ctx.db.db
    .insertInto('mentions')
    .values(said.map((mention) => ({
      workspace_id: ctx.workspaceId,
      id: newId(),
      source_id: mention.source.id,
      source_name: mention.source.name,
      external_id: mention.external,
      url: mention.url,
      author: mention.author,
      text: mention.text,
      published_at: at(mention.minutesAgo),
      keywords: matchKeywords(mention.text, keywords),
      state: mention.state ?? 'new',
      fetched_at: at(mention.minutesAgo - 1),
      ...(mention.state === 'dismissed' ? { decided_at: at(4), decided_by_name: 'Claire Dubois' } : {}),
    })))
    .execute();
}
