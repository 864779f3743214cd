import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, headless, with nothing reaching out to the network on its own. */
export function launchChromium(): Promise<Browser> {
  // playwright-core refuses --user-data-dir in launch(): each launch already gets a fresh temporary profile.
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Keeps a screenshot as a test artifact. A software-rendered Chromium on a busy machine sometimes
 * answers "Unable to capture screenshot" when its compositor has no frame ready; the page itself is
 * fine, and each new capture waits for a fresh frame, so it is asked again, a few times at most.
 */
export async function keepScreenshot(page: Page, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: file, ...options });
      return;
    } catch (error) {
      if (attempt >= 4 || !String(error).includes('Unable to capture screenshot')) throw error;
    }
  }
}
