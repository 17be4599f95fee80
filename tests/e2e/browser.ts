import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import chromiumArgs from '../../scripts/lib/chromium-args.json';

export const ARTIFACTS = path.resolve('test-results/e2e');

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
      .toString()
      .trim();
  } catch {
    throw new Error("Debian's chromium is not installed: run `apt-get install -y chromium` (see .ci/run)");
  }
}

/** Debian's Chromium, headless, with WebGPU and SwiftShader WebGL; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Debian's Chromium headless with WebGPU and SwiftShader WebGL; the flags are shared with scripts/.
    args: chromiumArgs,
  });
}

export async function openApp(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1600, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl);
  // Generous: on a loaded 2-core machine the first paint of the 3D scene has taken up to a minute.
  await page.getByTestId('app-root').waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => (window.__twinscape?.sceneComponents?.().length ?? 0) > 0, undefined, {
    timeout: 90_000,
  });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The app's address with query parameters added, keeping the access token the address carries. */
export function appUrl(baseUrl: string, params: Record<string, string>): string {
  const url = new URL(baseUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}
