// The app in 简体中文: loads in Chinese from the browser locale, says alarms and file errors in Chinese
// (keeping tag ids, units and field paths), and switches to English at run time without a reload.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser';
import { callBackend, resetBackend } from './backend-control';

const CJK = /[\u4e00-\u9fff]/;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 900 } });
  page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await page.getByTestId('app-root').waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => (window.__twinscape?.sceneComponents?.().length ?? 0) > 0, undefined, {
    timeout: 90_000,
  });
});

afterAll(async () => {
  await resetBackend(inject('baseUrl'));
  await browser?.close();
});

describe('Twinscape in 简体中文', () => {
  it('loads in Chinese when the browser asks for zh-CN', async () => {
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByTestId('tab-live').innerText()).toContain('实时');
    expect(await page.getByTestId('asset-name').innerText()).toContain('离心泵撬');
    expect(await page.getByTestId('language-select').inputValue()).toBe('zh-CN');
  });

  it('raises a bearing alarm whose text is Chinese', async () => {
    await callBackend(inject('baseUrl'), [
      { method: 'simCommand', payload: { kind: 'speed', speed: 1000 } },
      { method: 'injectFault', payload: { faultId: 'bearing_wear', severity: 0.9, growthPerHour: 0 } },
    ]);
    const message = page.getByTestId('alarm-message').first();
    await message.waitFor({ timeout: 90_000 });
    const text = await message.innerText();
    expect(text).toMatch(CJK);
    expect(text).toMatch(/轴承|电机|泵/);
    // Only tag names, numbers and SI units: no English words.
    expect(text.replace(/mm\/s|°C|gE|kW|rpm|[A-Z]\b/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    expect(await page.getByTestId('alarm-state').first().innerText()).toMatch(CJK);
    await saveScreenshot(page, 'i18n-01-zh-CN-alarm');
  });

  it('names tags[0].unit in a Chinese error for an invalid asset file', async () => {
    const bad = JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as {
      tags: { unit: string }[];
    };
    (bad.tags[0] as { unit: string }).unit = 'furlongs';
    await page.getByTestId('asset-file-input').setInputFiles({
      name: 'broken-asset.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const dialog = page.getByTestId('asset-error');
    await expect.poll(() => dialog.innerText()).toContain('tags[0].unit');
    const text = await dialog.innerText();
    expect(text).toContain('未知单位');
    expect(text).toContain('furlongs');
    expect(text).toContain('无法打开 broken-asset.json');
    await saveScreenshot(page, 'i18n-02-zh-CN-asset-error');
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('switches the panel to English at run time without a reload', async () => {
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.getByTestId('tab-live').innerText()).toContain('Live');
    await expect
      .poll(() => page.getByTestId('alarm-message').first().innerText())
      .toMatch(/bearing|motor|pump/i);
    expect(await page.getByTestId('asset-name').innerText()).toContain('Pump skid P-101');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await saveScreenshot(page, 'i18n-03-en-alarm');
  });

  it('remembers the choice for the next visit', async () => {
    const again = await context.newPage();
    await again.goto(inject('baseUrl'));
    await again.getByTestId('tab-live').waitFor({ timeout: 90_000 });
    expect(await again.getByTestId('tab-live').innerText()).toContain('Live');
    await again.close();
  });
});
