// Types of web-session.mjs, for TypeScript scripts (benchmarks) that start web mode.
import type { Browser, Page } from 'playwright-core';

export function startWebServer(extraArgs?: string[]): Promise<{ url: string; stop: () => boolean }>;
export function launchChromium(): Promise<Browser>;
export function openApp(
  browser: Browser,
  url: string,
  viewport?: { width: number; height: number },
): Promise<Page>;
export function withParams(url: string, params: Record<string, string>): string;
