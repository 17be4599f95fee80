import { describe, expect, it } from 'vitest';
import { Quality } from '../../../core/data/quality';
import { RowAssembler } from '../../../core/live/row-assembler';
import { TagHold } from '../../../core/live/tag-hold';

const assembler = (overrides: Partial<ConstructorParameters<typeof RowAssembler>[0]> = {}) =>
  new RowAssembler({
    tagCount: 2,
    staleAfterMs: [5000, 5000],
    reorderWindowMs: 100,
    maxPending: 1000,
    ...overrides,
  });

describe('RowAssembler', () => {
  it('forms one row per source time, holding the other tag at its last value', () => {
    const a = assembler();
    a.push(0, 1, Quality.good, 1000, 0);
    a.push(1, 10, Quality.good, 1000, 0);
    a.push(0, 2, Quality.good, 2000, 10);
    expect(a.drain(50, 50).rows).toEqual([]); // still inside the reorder window
    const { rows, late } = a.drain(200, 200);
    expect(late).toEqual([]);
    expect(rows.map((r) => [r.t, ...r.values])).toEqual([
      [1000, 1, 10],
      [2000, 2, 10],
    ]);
  });

  it('puts values that arrive out of order inside the window in time order', () => {
    const a = assembler();
    a.push(0, 2, Quality.good, 2000, 0);
    a.push(0, 1, Quality.good, 1000, 20);
    const { rows } = a.drain(500, 500);
    expect(rows.map((r) => [r.t, r.values[0]])).toEqual([
      [1000, 1],
      [2000, 2],
    ]);
  });

  it('keeps a value that comes after its row was formed as a late row at its own time', () => {
    const a = assembler();
    a.push(0, 1, Quality.good, 1000, 0);
    a.push(1, 10, Quality.good, 1000, 0);
    a.push(0, 3, Quality.good, 3000, 0);
    a.drain(200, 200);
    a.push(1, 20, Quality.good, 2000, 300);
    const { rows, late } = a.drain(600, 600);
    expect(rows).toEqual([]);
    expect(late.map((r) => [r.t, ...r.values])).toEqual([[2000, 1, 20]]);
  });

  it('turns a tag stale on the host clock and fresh again with its next value', () => {
    const a = assembler({ staleAfterMs: [1000, 60_000] });
    a.push(0, 1, Quality.good, 1000, 0);
    a.push(1, 5, Quality.good, 1000, 0);
    a.drain(200, 200);
    expect(a.isStale(0, 900)).toBe(false);
    expect(a.isStale(0, 1500)).toBe(true);
    const heartbeat = a.drain(2500, 3500).rows;
    expect(heartbeat).toHaveLength(1);
    expect(heartbeat[0]!.t).toBe(3500);
    expect(Array.from(heartbeat[0]!.quality)).toEqual([Quality.stale, Quality.good]);
    a.push(0, 2, Quality.good, 4000, 2600);
    expect(a.isStale(0, 2700)).toBe(false);
  });

  it('marks tags stale at once when their source declares them dead', () => {
    const a = assembler();
    a.push(0, 1, Quality.good, 1000, 0);
    a.markDead([0]);
    expect(a.isStale(0, 10)).toBe(true);
    expect(a.isStale(1, 10)).toBe(false); // never received is not stale: it is "never received"
  });

  it('drops and counts values beyond its queue instead of growing without bound', () => {
    const a = assembler({ maxPending: 3 });
    for (let i = 0; i < 5; i++) a.push(0, i, Quality.good, 1000 + i, 0);
    expect(a.dropped).toBe(2);
    expect(a.drain(200, 200).rows).toHaveLength(3);
  });
});

describe('TagHold', () => {
  it('answers the value held at a time, slotting late values in among recent ones', () => {
    const hold = new TagHold(4);
    hold.add(10, 1, Quality.good);
    hold.add(30, 3, Quality.good);
    hold.add(20, 2, Quality.uncertain);
    expect(hold.at(5)).toEqual({ value: Number.NaN, quality: Quality.missing });
    expect(hold.at(25)).toEqual({ value: 2, quality: Quality.uncertain });
    expect(hold.at(99).value).toBe(3);
    hold.add(40, 4, Quality.good);
    hold.add(50, 5, Quality.good); // evicts t=10
    expect(hold.at(15).quality).toBe(Quality.missing);
    expect(hold.at(45).value).toBe(4);
  });
});
