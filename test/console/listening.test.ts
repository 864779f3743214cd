import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { accessibilityViolations, screenshot, startConsole, type ConsoleRun } from '../helpers/console.ts';
import { startFakeMastodon, type FakeMastodon } from '../helpers/fake-mastodon.ts';
import { pollDueSources } from '../../src/services/listening/poll-sources.ts';
import { startFeedServer, type FeedServer } from '../listening/feeds.ts';

const minute = 60_000;

/** A communications lead works the listening inbox in French: a rumor to the fact sheet, a post set aside, a feed added. */
describe('console: listening', () => {
  let h: Harness;
  let run: ConsoleRun;
  let mastodon: FakeMastodon;
  let feed: FeedServer;
  let incidentId: string;
  before(async () => {
    h = await createHarness();
    run = await startConsole(h);
    mastodon = await startFakeMastodon();
    feed = await startFeedServer('rss', [{ id: 'n1', title: 'Acme Cloud : un incendie à PAR-2 ?', link: 'https://news.example.test/n1', author: 'Le Journal du Net', at: new Date(h.clock.now().getTime() - minute) }]);
    const incident = await h.request('POST', '/api/admin/incidents', { token: h.tokens.incident_lead, body: { name: 'Stockage indisponible à PAR-2', impact: 'major', body: 'Nous analysons le problème.' } });
    incidentId = incident.body.id;
    mastodon.say('rumeurs_tech', 'Incendie chez #AcmeCloud : toutes les données clients seraient perdues !', { createdAt: new Date(h.clock.now().getTime() - 3 * minute) });
    mastodon.say('client_content', 'Encore une panne #AcmeCloud, mais le support répond vite', { createdAt: new Date(h.clock.now().getTime() - 2 * minute) });
    const source = await h.request('POST', '/api/admin/listening/sources', { token: h.tokens.comms_lead, body: { name: 'Mastodon #AcmeCloud', kind: 'mastodon', url: mastodon.receiver.url, hashtag: 'AcmeCloud', keywords: ['données', 'panne', 'incendie'] } });
    assert.equal(source.status, 201, JSON.stringify(source.body));
    assert.equal((await pollDueSources({ db: h.db, now: h.clock.now() })).added, 2);
  });
  after(async () => {
    await run?.close();
    await mastodon?.receiver.close();
    await feed?.receiver.close();
    await h?.close();
  });

  it('turns a mention into a rumor on the incident, dismisses another, and adds a feed that brings a new one', { timeout: 120_000 }, async () => {
    const { page, context } = await run.signIn('comms_lead', { language: 'fr' });
    try {
      await page.getByRole('link', { name: 'Veille' }).click();
      await page.getByRole('heading', { level: 1, name: 'Veille' }).waitFor();
      const rumor = page.getByRole('article', { name: '@rumeurs_tech sur Mastodon #AcmeCloud' });
      await rumor.waitFor();
      assert.deepEqual(await rumor.locator('mark').allTextContents(), ['Incendie', 'données'], 'the keywords are highlighted where they occur');
      assert.deepEqual(await accessibilityViolations(page), []);
      await screenshot(page, 'listening');
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.deepEqual(await accessibilityViolations(page), []);
      await page.emulateMedia({ colorScheme: 'light' });

      await page.getByRole('button', { name: 'Faire du message de @rumeurs_tech une rumeur' }).click();
      const dialog = page.getByRole('dialog', { name: 'En faire une rumeur' });
      await dialog.getByLabel('Incident').selectOption({ label: 'Stockage indisponible à PAR-2' });
      await dialog.getByLabel('L’affirmation, telle qu’elle circule').fill('Toutes les données clients seraient perdues');
      await dialog.getByRole('button', { name: 'Noter la rumeur' }).click();
      await rumor.waitFor({ state: 'detached' });
      await page.getByRole('radio', { name: 'Devenues rumeurs (1)' }).waitFor();
      const sheet = await h.request('GET', `/api/admin/incidents/${incidentId}/facts`, { token: h.tokens.viewer });
      assert.deepEqual(sheet.body.rumors.map((entry: { text: string; source: string }) => [entry.text, entry.source]), [['Toutes les données clients seraient perdues', `@rumeurs_tech — ${mastodon.timeline[0]!.url}`]]);

      await page.getByRole('button', { name: 'Écarter le message de @client_content' }).click();
      await page.getByText('Rien de nouveau. Les sources sont relevées toutes les quelques minutes.').waitFor();
      await page.getByRole('radio', { name: 'Écartées (1)' }).check();
      await page.getByText(/Écartée par Camille Comms/).waitFor();

      await page.getByRole('tab', { name: /Sources/ }).click();
      await page.getByLabel('Type').selectOption('feed');
      await page.getByLabel('Nom').fill('Le Journal du Net');
      await page.getByLabel('Adresse du flux').fill(feed.url);
      await page.getByLabel('Mots-clés').fill('incendie, PAR-2');
      await page.getByRole('button', { name: 'Ajouter la source' }).click();
      await page.getByRole('rowheader', { name: /Le Journal du Net/ }).waitFor();
      await page.getByRole('button', { name: 'Relever Le Journal du Net maintenant' }).click();
      await page.getByRole('status').filter({ hasText: 'Le Journal du Net : 1 nouvelle(s) mention(s).' }).waitFor();
      assert.deepEqual(await accessibilityViolations(page), []);
      await page.getByRole('button', { name: 'Relever Le Journal du Net maintenant' }).click();
      await page.getByText('Cette source a été relevée il y a moins d’une minute', { exact: false }).waitFor();
      assert.equal(feed.receiver.requests.length, 1, 'the second click polled nothing');
    } finally {
      await context.close();
    }
  });
});
