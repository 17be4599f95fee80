/**
 * The live loop's hours before the window: asked for in the background, never waited for, refreshed at most
 * every few plant minutes, and dropped when the asset or model changes.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryGrid, HistoryGridRequest } from '../../core/api/domains/history';
import { BASELINE_HISTORY_ROWS } from '../../core/ml/pump/baseline';
import { BASELINE_REFRESH_MS, BaselineHistory } from '../../renderer/src/predictions/baseline-history';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1, 12);

/** A history store whose answers arrive when the test says so. */
function slowStore() {
  const asked: HistoryGridRequest[] = [];
  const answers: ((grid: HistoryGrid) => void)[] = [];
  const store = {
    historyGrid: (req: HistoryGridRequest) =>
      new Promise<HistoryGrid>((resolve) => {
        asked.push(req);
        answers.push(resolve);
      }),
  };
  const answer = async (k: number) => {
    const req = asked[k]!;
    answers[k]!({ to: req.to, stepMs: req.stepMs, tagIds: [], values: [], setpoints: {} });
    await new Promise((r) => setTimeout(r, 0));
  };
  return { store, asked, answer };
}

describe('history before the live window', () => {
  it('predicts without it until it arrives, then keeps it, asking again after a few plant minutes', async () => {
    const { store, asked, answer } = slowStore();
    const history = new BaselineHistory(store);
    expect(history.at(T0)).toBeNull();
    expect(history.at(T0 + MIN)).toBeNull();
    expect(asked).toEqual([{ to: T0, steps: BASELINE_HISTORY_ROWS, stepMs: MIN }]);
    await answer(0);
    expect(history.at(T0 + 2 * MIN)?.to).toBe(T0);
    expect(history.at(T0 + BASELINE_REFRESH_MS - 1)?.to).toBe(T0);
    expect(asked).toHaveLength(1);
    // Five plant minutes on: a fresh grid is asked for, the old one serves meanwhile.
    expect(history.at(T0 + BASELINE_REFRESH_MS)?.to).toBe(T0);
    expect(asked.map((r) => r.to)).toEqual([T0, T0 + BASELINE_REFRESH_MS]);
    await answer(1);
    expect(history.at(T0 + BASELINE_REFRESH_MS + MIN)?.to).toBe(T0 + BASELINE_REFRESH_MS);
  });

  it('drops the grid of another asset or model, and an answer that comes after the switch', async () => {
    const { store, asked, answer } = slowStore();
    const history = new BaselineHistory(store);
    history.at(T0);
    history.reset();
    await answer(0);
    // The plant clock of the new asset starts earlier: asked for at once, the late answer ignored.
    expect(history.at(T0 - 3600_000)).toBeNull();
    expect(asked.map((r) => r.to)).toEqual([T0, T0 - 3600_000]);
    await answer(1);
    expect(history.at(T0 - 3600_000 + MIN)?.to).toBe(T0 - 3600_000);
  });
});
