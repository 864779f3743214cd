import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildConsole } from '../../scripts/build-console.js';
import { addUser } from '../../src/services/access/add-user.ts';
import { roles, type Role } from '../../src/domain/access/roles.ts';
import { keepScreenshot, launchChromium } from './browser.ts';
import type { Harness } from './harness.ts';

export const consolePassword = 'a long and unguessable passphrase';
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const artifacts = path.resolve('test-artifacts/console');

export interface ConsoleRun {
  origin: string;
  browser: Browser;
  /** A signed-in browser context and page for one person of the workspace (`${role}.web@acme.test`). */
  signIn(role: Role, options?: { language?: 'fr' | 'en'; viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * The real console over HTTP, served by the harness's app (its database and test clock), in Debian's
 * Chromium. Each role gets a person with a password, as people sign in to the console.
 */
export async function startConsole(h: Harness): Promise<ConsoleRun> {
  await buildConsole();
  mkdirSync(artifacts, { recursive: true });
  for (const role of roles) await addUser({ ctx: h.systemCtx(), input: { email: `${role}.web@acme.test`, name: personName(role), role, password: consolePassword } });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    origin,
    browser,
    async signIn(role, { language = 'en', viewport = { width: 1280, height: 720 } } = {}) {
      const context = await browser.newContext({ viewport, locale: language === 'fr' ? 'fr-FR' : 'en-GB', timezoneId: 'Europe/Paris' });
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.getByLabel(language === 'fr' ? 'Adresse e-mail' : 'E-mail address').fill(`${role}.web@acme.test`);
      await page.getByLabel(language === 'fr' ? 'Mot de passe' : 'Password').fill(consolePassword);
      await page.getByRole('button', { name: language === 'fr' ? 'Se connecter' : 'Sign in' }).click();
      await page.getByRole('navigation').waitFor();
      return { context, page };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The people of the browser tests, named as a crisis cell would be. */
export function personName(role: Role): string {
  return { owner: 'Olivia Owner', incident_lead: 'Ines Lead', comms_lead: 'Camille Comms', reviewer: 'Léa Legal', support: 'Sam Support', viewer: 'Victor Viewer' }[role];
}

/** Serious and critical WCAG 2.2 AA violations on the page as it is now, one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${page.url()}: ${violation.id} (${violation.nodes.length}) ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

/** Saves a screenshot of the page as a test artifact (test-artifacts/console/NAME.png). */
export function screenshot(page: Page, name: string): Promise<void> {
  return keepScreenshot(page, path.join(artifacts, `${name}.png`), { fullPage: true });
}
