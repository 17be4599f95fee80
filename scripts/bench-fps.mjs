// Benchmark (not a test): the 3D views of the built web-mode app in headless Chromium (software GL here).
// For the pump skid and the fleet (100 / 260 / 1,000 engines), at each viewport size it prints
//   - frames drawn per second while orbiting (the camera turned every animation frame through a test hook),
//   - frames drawn per second while idle at 1× live (simulator running at 1 Hz, no input),
//   - CPU of Chromium's renderer and GPU processes while idle, in % of one core (CDP SystemInfo.getProcessInfo),
//   - the quality level the scene runs at (Auto's choice unless --quality);
//   - draw calls per frame while orbiting: the app's own count (test hook `drawCalls`, renderer.info) and the
//     WebGL draw calls the page issued on the orbiting canvas, counted under the app (so older builds compare);
// and (scene "whatif", at the first size) the time from moving a what-if tuning slider to the first frame drawn
// that shows the predicted response, p50/p95, for the surrogate and for the physics (--moves per source).
// Each under two Chromium set-ups (--chromium): `gpu-less-defaults`, Chromium's own choices on a machine without
// a GPU (WebGL and WebGPU on SwiftShader, the page composited in software), and `forced-gpu`, the tests' flags
// (ANGLE on SwiftShader past the blocklist: the page's compositor also draws on the emulated GPU).
// Usage: npm run build && npm run bench:fps [-- --scenes skid,fleet,whatif --sizes 1280x720,1600x900
//        --engines 100,260,1000 --seconds 5 --moves 10 --quality auto|high|balanced|low --ml-backend wasm
//        --chromium gpu-less-defaults,forced-gpu --data <cmapss dir>]
// Quick run: npm run bench:fps -- --scenes skid --sizes 1280x720 --seconds 3
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, openApp, startWebServer, withParams } from './lib/web-session.mjs';
import { measureWhatIfPaint } from './lib/whatif-paint-latency.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const list = (name, fallback) => arg(name, fallback).split(',').filter(Boolean);
const scenes = list('scenes', 'skid,fleet,whatif');
const moves = Number(arg('moves', '10'));
const sizes = list('sizes', '1280x720,1600x900').map((s) => s.split('x').map(Number));
const engineCounts = list('engines', '100,260,1000').map(Number);
const seconds = Number(arg('seconds', '5'));
const quality = arg('quality', 'auto');
const mlBackend = arg('ml-backend', null);
const chromiumSetups = list('chromium', 'gpu-less-defaults,forced-gpu');
const cmapss = path.join(path.resolve(arg('data', '../shared/data/cmapss')), 'test_FD001.txt');
/** Camera turn per animation frame while orbiting (about one turn in 10 s at 60 Hz). */
const ORBIT_RADIANS = 0.01;

/**
 * Counts the WebGL draw calls each canvas issues (window.__glDraws, by canvas), below the app, so that a build
 * without the `drawCalls` hook is measured the same way.
 */
function countGlDraws() {
  const draws = new Map();
  window.__glDraws = draws;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype])
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
      const draw = proto[name];
      if (!draw) continue;
      proto[name] = function (...args) {
        draws.set(this.canvas, (draws.get(this.canvas) ?? 0) + 1);
        return draw.apply(this, args);
      };
    }
}

/**
 * Frames the shown 3D view drew per second over `ms` while the camera turns every animation frame, with the draw
 * calls per frame: the app's last frame (`drawCalls` hook) and the WebGL draws of the busiest canvas per frame.
 */
const orbitFps = (page, ms) =>
  page.evaluate(
    async ({ wait, step }) => {
      const hooks = window.__twinscape;
      const start = hooks.framesDrawn();
      const glStart = new Map(window.__glDraws);
      const t0 = performance.now();
      await new Promise((resolve) => {
        const tick = () => {
          hooks.orbitBy(step);
          if (performance.now() - t0 < wait) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      const frames = hooks.framesDrawn() - start;
      const elapsed = performance.now() - t0;
      let glDraws = 0;
      for (const [canvas, n] of window.__glDraws) glDraws = Math.max(glDraws, n - (glStart.get(canvas) ?? 0));
      return {
        frames,
        fps: (frames * 1000) / elapsed,
        appDraws: hooks.drawCalls?.() ?? null,
        glDraws: frames > 0 ? glDraws / frames : null,
      };
    },
    { wait: ms, step: ORBIT_RADIANS },
  );

/** CPU seconds so far of Chromium's processes, summed per process type (renderer, gpu, browser, …). */
async function cpuByType(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const out = {};
  for (const p of processInfo) out[p.type] = (out[p.type] ?? 0) + p.cpuTime;
  return out;
}

/** Frames drawn per second and CPU % of one core (renderer, GPU process) over `ms` with no input. */
async function idle(page, cdp, ms) {
  const before = await cpuByType(cdp);
  const frames = await page.evaluate(async (wait) => {
    const count = window.__twinscape.framesDrawn;
    const start = count();
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, wait));
    return ((count() - start) * 1000) / (performance.now() - t0);
  }, ms);
  const after = await cpuByType(cdp);
  const pct = (type) => (((after[type] ?? 0) - (before[type] ?? 0)) * 100 * 1000) / ms;
  return { frames, renderer: pct('renderer'), gpu: pct('GPU') };
}

const qualityLevel = (page) =>
  page
    .getByTestId('status-quality')
    .innerText()
    .then((t) => t.replace(/\s+/g, ' ').replace(/^Quality /, ''))
    .catch(() => 'n/a');

async function openAt(browser, url, [width, height]) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.addInitScript((q) => localStorage.setItem('twinscape.quality', q), quality);
  await context.addInitScript(countGlDraws);
  const page = await openApp(context, url, { width, height });
  return { page, close: () => context.close() };
}

const rows = [];
async function measure(page, cdp, label, size, setup) {
  // Let Auto settle: it steps at most once per 2 s of frames drawn back to back.
  await orbitFps(page, 4000);
  const cpuBefore = await cpuByType(cdp);
  const orbit = await orbitFps(page, seconds * 1000);
  const cpuAfter = await cpuByType(cdp);
  const cpuMsPerFrame = (type) =>
    orbit.frames > 0 ? (((cpuAfter[type] ?? 0) - (cpuBefore[type] ?? 0)) * 1000) / orbit.frames : null;
  await page.waitForTimeout(1500);
  const still = await idle(page, cdp, seconds * 1000);
  rows.push({
    chromium: setup,
    view: label,
    size: size.join('×'),
    'orbit fps': orbit.fps.toFixed(1),
    'draws/frame': orbit.appDraws ?? 'n/a',
    'GL draws/frame': orbit.glDraws?.toFixed(1) ?? 'n/a',
    'CPU ms/frame (renderer + GPU)': `${cpuMsPerFrame('renderer')?.toFixed(0) ?? 'n/a'} + ${cpuMsPerFrame('GPU')?.toFixed(0) ?? 'n/a'}`,
    'idle frames/s': still.frames.toFixed(2),
    'renderer CPU %': still.renderer.toFixed(1),
    'GPU process CPU %': still.gpu.toFixed(1),
    quality: await qualityLevel(page),
  });
  process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
}

// A data folder of its own: the imported fleet and the history stay out of the user's.
process.env.TWINSCAPE_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'twinscape-bench-fps-'));
const server = await startWebServer(['--speed', '1']);
let gpuName = 'unknown';
const whatIfBySetup = [];

/** Every asked view and size, then the what-if timing, in Chromium launched with one set of flags. */
async function runSetup(setup) {
  const browser = await launchChromium(setup);
  const cdp = await browser.newBrowserCDPSession();
  try {
    const url = mlBackend ? withParams(server.url, { backend: mlBackend }) : server.url;
    // The 3D views at each size (skipped when only the what-if timing is asked for).
    for (const size of scenes.some((s) => s !== 'whatif') ? sizes : []) {
      const { page, close } = await openAt(browser, url, size);
      gpuName = await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        const ext = gl?.getExtension('WEBGL_debug_renderer_info');
        return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : 'unknown';
      });
      if (scenes.includes('skid')) {
        await page.waitForTimeout(3000);
        await measure(page, cdp, 'pump skid', size, setup);
      }
      if (scenes.includes('fleet')) {
        if (!existsSync(cmapss))
          throw new Error(`the fleet needs ${cmapss} (NASA C-MAPSS); pass --data <dir>`);
        await page.getByTestId('cmapss-file-input').setInputFiles(cmapss);
        for (const count of engineCounts) {
          await page.waitForFunction(() => (window.__twinscape?.fleetUnits?.().length ?? 0) > 0, undefined, {
            timeout: 120_000,
          });
          // An import still finishing shows its own engines in place of the copies: copy again until they stay.
          for (let attempt = 0; attempt < 5; attempt++) {
            await page.evaluate((n) => window.__twinscape.fleetReplicate(n), count);
            await page.waitForFunction((n) => window.__twinscape?.fleetUnits?.().length === n, count);
            await page.waitForTimeout(2500);
            if (await page.evaluate((n) => window.__twinscape?.fleetUnits?.().length === n, count)) break;
          }
          await measure(page, cdp, `fleet ${count}`, size, setup);
        }
      }
      await close();
    }
    if (scenes.includes('whatif')) {
      // Faster than live, so the forecaster behind the surrogate soon has the history it needs.
      const fast = await startWebServer(['--speed', '60']);
      try {
        const fastUrl = mlBackend ? withParams(fast.url, { backend: mlBackend }) : fast.url;
        const { page, close } = await openAt(browser, fastUrl, sizes[0]);
        whatIfBySetup.push([setup, await measureWhatIfPaint(page, moves)]);
        await close();
      } finally {
        fast.stop();
      }
    }
  } finally {
    await browser.close();
  }
}

try {
  for (const setup of chromiumSetups) await runSetup(setup);
  console.log(
    `WebGL renderer: ${gpuName}; ML backend: ${mlBackend ?? 'app default'}; quality setting: ${quality}`,
  );
  console.table(rows);
  console.log(
    `orbit: frames drawn per second over ${seconds} s while the camera turns every animation frame, and draw ` +
      `calls per frame (the app's renderer.info for its last frame; WebGL calls of the orbiting canvas per frame) and ` +
      `CPU ms per orbit frame of the renderer and GPU processes (the cost of a frame, less sensitive to other load than fps); idle: ` +
      `1× live, simulator running, no input, over ${seconds} s; CPU: % of one core (CDP SystemInfo.getProcessInfo). ` +
      `chromium: gpu-less-defaults = Chromium's own choices without a GPU (page composited in software); ` +
      `forced-gpu = the tests' flags (the compositor on SwiftShader too).`,
  );
  for (const [setup, whatIf] of whatIfBySetup) {
    console.log(
      `what-if slider → first frame drawn with the answer (${sizes[0].join('×')}, ${moves} moves each, ${setup}):`,
    );
    for (const [source, r] of Object.entries(whatIf))
      console.log(
        `  ${source}: p50 ${r.p50?.toFixed(0) ?? 'n/a'} ms, p95 ${r.p95?.toFixed(0) ?? 'n/a'} ms ` +
          `(answer in hand: p50 ${r.answerP50?.toFixed(0) ?? 'n/a'} ms; ${r.n} timed, ${r.missed} over 30 s)`,
      );
  }
  if (/swiftshader/i.test(gpuName))
    console.log(
      'SwiftShader (CPU-emulated GPU): it draws on the CPU cores the app, backend and bench share.',
    );
} finally {
  server.stop();
}
