// Starts the built web-mode server and Debian's Chromium for scripts (screenshots, benchmarks).
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import chromiumArgs from './chromium-args.json' with { type: 'json' };

export async function startWebServer(extraArgs = []) {
  if (!existsSync('dist/backend/web.cjs')) throw new Error('dist/ is missing: run `npm run build` first');
  const child = spawn(process.execPath, ['dist/backend/web.cjs', '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('web server did not start within 20 s')), 20_000);
    child.stdout.on('data', (chunk) => {
      // The printed address carries the operator's access token (?token=…).
      const m = /running at (https?:\/\/\S+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function launchChromium() {
  const executablePath = process.env.CHROMIUM_PATH ?? execSync('command -v chromium').toString().trim();
  return chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs,
  });
}

export async function openApp(browser, url, viewport = { width: 1600, height: 900 }) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByTestId('app-root').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => (window.__twinscape?.sceneComponents?.().length ?? 0) > 0, undefined, {
    timeout: 60_000,
  });
  return page;
}

/** The app's address with query parameters added, keeping the access token the address carries. */
export function withParams(url, params) {
  const out = new URL(url);
  for (const [name, value] of Object.entries(params)) out.searchParams.set(name, value);
  return out.href;
}
