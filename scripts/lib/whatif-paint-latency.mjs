// What-if slider → first frame drawn that shows the predicted response, timed inside the page (bench:fps).
// The bench moves the speed tuning slider as a user does (an input event), then waits until the answer to
// the plan as it now stands is the one the 3D preview shows (test hook whatIfAnswers) and a frame has been
// drawn after that (test hook framesDrawn).

const SLIDER = 'whatif-tune-speed_setpoint';

/**
 * One slider move: ms to `source`'s answer to the moved plan being shown (answerMs) and to the first frame drawn
 * after that (paintMs), or null (over 30 s).
 */
const moveAndTime = (page, value, source) =>
  page.evaluate(
    async ({ testId, value, source }) => {
      const hooks = window.__twinscape;
      const slider = document.querySelector(`[data-testid="${testId}"]`);
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const channel = new MessageChannel();
      const nextTask = () =>
        new Promise((resolve) => {
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        });
      const t0 = performance.now();
      setValue.call(slider, String(value));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      let framesAtAnswer = null;
      let answerMs = null;
      while (performance.now() - t0 < 30_000) {
        const a = hooks.whatIfAnswers();
        if (framesAtAnswer === null && a.shown === source && a[source] === a.plan) {
          framesAtAnswer = hooks.framesDrawn();
          answerMs = performance.now() - t0;
        }
        if (framesAtAnswer !== null && hooks.framesDrawn() > framesAtAnswer)
          return { paintMs: performance.now() - t0, answerMs };
        await nextTask();
      }
      return null;
    },
    { testId: SLIDER, value, source },
  );

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/**
 * Forks from live, previews the end of the horizon and times `moves` slider moves per answer source.
 * Returns { surrogate: {p50, p95, answerP50, n, missed}, physics: {…} } (ms from the slider move).
 */
export async function measureWhatIfPaint(page, moves) {
  await page.getByTestId('tab-whatif').click();
  const slider = page.getByTestId(SLIDER);
  // The surrogate needs some history before the fork: fork again until it answers.
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId('whatif-fork').click();
    await slider.fill(String(Number(await slider.getAttribute('min')) + 1));
    const answered = await page
      .waitForFunction(() => window.__twinscape?.whatIfAnswers?.().surrogate != null, undefined, {
        timeout: 20_000,
      })
      .then(() => true)
      .catch(() => false);
    if (answered) break;
    if (attempt >= 12) throw new Error('the surrogate never answered (no forecaster, or too little history)');
    await page.waitForTimeout(10_000);
  }
  const preview = page.getByTestId('whatif-preview');
  await preview.waitFor({ timeout: 300_000 });
  await preview.fill(await preview.getAttribute('max'));
  const min = Number(await slider.getAttribute('min'));
  const max = Number(await slider.getAttribute('max'));
  const step = Number((await slider.getAttribute('step')) || 1);
  const at = (f) => min + Math.round(((max - min) * f) / step) * step;
  const out = {};
  for (const source of ['surrogate', 'physics']) {
    await page.getByTestId('whatif-preview-source').selectOption(source);
    const times = [];
    const answers = [];
    let missed = 0;
    for (let i = 0; i < moves; i++) {
      // Alternate between two settings so every move is a new plan; let the physics re-run settle between.
      const timed = await moveAndTime(page, at(i % 2 === 0 ? 0.45 : 0.55), source);
      if (timed === null) missed++;
      else {
        times.push(timed.paintMs);
        answers.push(timed.answerMs);
      }
      await page.waitForFunction(
        () => {
          const a = window.__twinscape?.whatIfAnswers?.();
          return a && a.physics === a.plan;
        },
        undefined,
        { timeout: 120_000 },
      );
      await page.waitForTimeout(1500);
    }
    out[source] = {
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      answerP50: quantile(answers, 0.5),
      n: times.length,
      missed,
    };
  }
  return out;
}
