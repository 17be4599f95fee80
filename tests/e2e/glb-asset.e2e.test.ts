import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callBackend, resetBackend } from './backend-control';
import { launchBrowser, openApp, saveScreenshot } from './browser';

const GLB_JSON = 'assets/examples/pump-skid-glb/asset.json';
const GLB_FILE = 'assets/examples/pump-skid-glb/pump-skid.glb';
const BUILT_IN = 'assets/pump-skid/asset.json';
const glbAsset = JSON.parse(readFileSync(GLB_JSON, 'utf8')) as {
  name: string;
  components: { id: string; name: string }[];
};
const builtInName = (JSON.parse(readFileSync(BUILT_IN, 'utf8')) as { name: string }).name;

let browser: Browser;
let page: Page;

const assetName = () => page.getByTestId('asset-name').innerText();
const sceneComponents = () =>
  page.evaluate(() => [...(window.__twinscape?.sceneComponents?.() ?? [])].sort());

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
  // Later test files expect the built-in skid, whatever happened here.
  await callBackend(inject('baseUrl'), [
    { method: 'loadAsset', payload: { fileName: 'asset.json', text: readFileSync(BUILT_IN, 'utf8') } },
  ]);
});

describe('asset with a GLB model (File → Open asset… in the browser)', () => {
  it('opens the asset .json with its .glb and binds every component to the GLB nodes', async () => {
    await expect.poll(assetName).toBe(builtInName);
    await page.getByTestId('asset-file-input').setInputFiles([GLB_JSON, GLB_FILE]);
    await expect.poll(assetName, { timeout: 20_000 }).toBe(glbAsset.name);
    const expected = glbAsset.components.map((c) => c.id).sort();
    await expect.poll(sceneComponents, { timeout: 20_000 }).toEqual(expected);
    await expect.poll(() => page.getByTestId('model-status').count()).toBe(0);
  });

  it('selects a GLB component clicked in the 3D view', async () => {
    await page.waitForTimeout(800);
    const point = await page.evaluate(() => window.__twinscape?.componentScreenPoint?.('bearing_de') ?? null);
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const name = glbAsset.components.find((c) => c.id === 'bearing_de')?.name ?? '';
    await expect.poll(() => page.getByTestId('selection-title').innerText()).toBe(name);
    await saveScreenshot(page, 'glb-01-bearing-selected');
  });

  it('names `model` and the missing file when the .json comes without its .glb', async () => {
    await page.getByTestId('asset-file-input').setInputFiles([GLB_JSON]);
    const dialog = page.getByTestId('asset-error');
    await expect.poll(() => dialog.innerText()).toContain('model');
    await expect.poll(() => dialog.innerText()).toContain('pump-skid.glb');
    expect(await assetName()).toBe(glbAsset.name);
    await saveScreenshot(page, 'glb-02-missing-glb');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('goes back to the built-in procedural skid without a GLB', async () => {
    await page.getByTestId('asset-file-input').setInputFiles([BUILT_IN]);
    await expect.poll(assetName).toBe(builtInName);
    await expect.poll(sceneComponents).toEqual(glbAsset.components.map((c) => c.id).sort());
  });
});
