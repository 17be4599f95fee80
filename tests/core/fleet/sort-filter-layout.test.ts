import { describe, expect, it } from 'vitest';
import { filterEngines, sortEngines, type FleetEngine } from '../../../core/fleet/sort-filter';
import { hangarLayout } from '../../../core/fleet/layout';
import { subsetFromFileName } from '../../../core/fleet/subset';

const e = (unit: number, rul: number | null, rulStd: number | null, anomaly = 0): FleetEngine => ({
  unit,
  cycles: 100,
  rul,
  rulStd,
  anomaly,
});
const fleet = [e(1, 80, 5, 0.4), e(2, 12, 9, 2.5), e(3, null, null, 1), e(4, 12, 20, 3), e(5, 130, 3, 0.2)];
const units = (list: FleetEngine[]) => list.map((x) => x.unit);

describe('fleet sorting', () => {
  it('puts the shortest remaining life first, ties by unit, engines without a prediction last', () => {
    expect(units(sortEngines(fleet, 'rul'))).toEqual([2, 4, 1, 5, 3]);
    expect(units(sortEngines(fleet, 'rul-desc'))).toEqual([5, 1, 2, 4, 3]);
  });

  it('sorts by uncertainty (widest first), by deviation and by unit number', () => {
    expect(units(sortEngines(fleet, 'uncertainty'))).toEqual([4, 2, 1, 5, 3]);
    expect(units(sortEngines(fleet, 'anomaly'))).toEqual([4, 2, 3, 1, 5]);
    expect(units(sortEngines([...fleet].reverse(), 'unit'))).toEqual([1, 2, 3, 4, 5]);
  });

  it('does not reorder its input', () => {
    sortEngines(fleet, 'rul');
    expect(units(fleet)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('fleet filters', () => {
  it('keeps engines with RUL below N and drops those without a prediction', () => {
    expect(units(filterEngines(fleet, { rulBelow: 50 }))).toEqual([2, 4]);
    expect(units(filterEngines(fleet, { rulBelow: 12 }))).toEqual([]);
  });

  it('keeps uncertain predictions and combines criteria', () => {
    expect(units(filterEngines(fleet, { uncertaintyAbove: 9 }))).toEqual([2, 4]);
    expect(units(filterEngines(fleet, { rulBelow: 100, uncertaintyAbove: 10 }))).toEqual([4]);
    expect(units(filterEngines(fleet, {}))).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('hangar layout', () => {
  it('places every engine on its own spot of the floor, in reading order', () => {
    const l = hangarLayout(260);
    expect(l.columns * l.rows).toBeGreaterThanOrEqual(260);
    const spots = new Set<string>();
    for (let i = 0; i < 260; i++) {
      expect(l.positions[i * 3 + 1]).toBe(0);
      spots.add(`${l.positions[i * 3]},${l.positions[i * 3 + 2]}`);
    }
    expect(spots.size).toBe(260);
    // Engine 1 is left of engine 2 in the first row; the next row stands further back (smaller z).
    expect(l.positions[3]!).toBeGreaterThan(l.positions[0]!);
    expect(l.positions[l.columns * 3 + 2]!).toBeLessThan(l.positions[2]!);
  });

  it('puts the first engines (the worst of a RUL sort) in the front row, nearest the camera', () => {
    const l = hangarLayout(60);
    const z = (i: number) => l.positions[i * 3 + 2]!;
    const nearest = Math.max(...Array.from({ length: 60 }, (_, i) => z(i)));
    for (let i = 0; i < l.columns; i++) expect(z(i)).toBe(nearest);
    expect(z(59)).toBeLessThan(nearest);
  });

  it('is wider than deep and centred on the origin', () => {
    const l = hangarLayout(100, { pitchX: 4, pitchZ: 3 });
    expect(l.width).toBeGreaterThan(l.depth);
    let sx = 0;
    for (let i = 0; i < l.columns; i++) sx += l.positions[i * 3]!;
    expect(sx / l.columns).toBeCloseTo(0, 6);
    expect(hangarLayout(1).positions[0]).toBe(0);
  });
});

describe('subset from file name', () => {
  it("reads NASA's names and nothing else", () => {
    expect(subsetFromFileName('test_FD002.txt')).toBe('FD002');
    expect(subsetFromFileName('/data/train_fd004.txt')).toBe('FD004');
    expect(subsetFromFileName('engines.txt')).toBeNull();
    expect(subsetFromFileName('FD005.txt')).toBeNull();
  });
});
