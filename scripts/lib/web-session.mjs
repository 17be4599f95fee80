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

/**
 * Flags of Chromium left to its own choices on a machine without a GPU: WebGL and WebGPU on SwiftShader (the two
 * flags allow that fallback), the page composited in software, as an office PC or a remote desktop runs it.
 */
const GPU_LESS_DEFAULTS = ['--enable-unsafe-swiftshader', '--enable-unsafe-webgpu'];

/**
 * Headless Chromium. `forced-gpu` (the tests' flags): ANGLE on SwiftShader past the GPU blocklist, so the page's
 * compositor draws on the emulated GPU too; `gpu-less-defaults`: what Chromium chooses by itself without a GPU.
 */
export async function launchChromium(flags = 'forced-gpu') {
  const executablePath = process.env.CHROMIUM_PATH ?? execSync('command -v chromium').toString().trim();
  const common = chromiumArgs.filter(
    (a) => !['--use-angle=swiftshader', '--ignore-gpu-blocklist', ...GPU_LESS_DEFAULTS].includes(a),
  );
  return chromium.launch({
    executablePath,
    headless: true,
    args: flags === 'gpu-less-defaults' ? [...common, ...GPU_LESS_DEFAULTS] : chromiumArgs,
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
