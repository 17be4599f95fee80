import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The timeline's scrub track. */
export const timelineTrack = (page: Page) => page.getByTestId('timeline-track');

/** Clicks the scrub track where time t is (the view must contain t). */
export async function scrubTo(page: Page, t: number): Promise<void> {
  const track = timelineTrack(page);
  const from = Number(await track.getAttribute('data-from'));
  const to = Number(await track.getAttribute('data-to'));
  expect(t).toBeGreaterThanOrEqual(from);
  expect(t).toBeLessThanOrEqual(to);
  const box = await track.boundingBox();
  if (!box) throw new Error('timeline track is not visible');
  await page.mouse.click(box.x + ((t - from) / (to - from)) * box.width, box.y + box.height / 2);
}
