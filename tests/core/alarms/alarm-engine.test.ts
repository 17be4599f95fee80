import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/alarm-engine';
import { parseAssetJson } from '../../../core/asset/parse';
import type { AssetDefinition } from '../../../core/asset/schema';

const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('built-in asset invalid');
const asset: AssetDefinition = parsed.asset;
const tempIndex = asset.tags.findIndex((t) => t.id === 'bearing_de_temp');

function sample(temp: number): { values: Float32Array; quality: Uint8Array } {
  const values = new Float32Array(asset.tags.length);
  asset.tags.forEach((t, i) => (values[i] = (t.normal[0] + t.normal[1]) / 2));
  values[tempIndex] = temp;
  return { values, quality: new Uint8Array(asset.tags.length) };
}

function feed(engine: AlarmEngine, temp: number, times = 3, t0 = 0): void {
  for (let i = 0; i < times; i++) {
    const s = sample(temp);
    engine.evaluate(s.values, s.quality, t0 + i * 1000, 0);
  }
}

const alarmOf = (engine: AlarmEngine, id: string) => engine.snapshot().find((a) => a.id === id);

describe('ISA-18.2 alarm engine', () => {
  it('stays quiet in normal operation', () => {
    const engine = new AlarmEngine(asset);
    feed(engine, 65, 10);
    expect(engine.snapshot()).toEqual([]);
  });

  it('raises an unacknowledged medium alarm past the alarm limit, and a high-priority trip past the trip limit', () => {
    const engine = new AlarmEngine(asset);
    feed(engine, 95);
    expect(alarmOf(engine, 'bearing_de_temp:alarm-high')).toMatchObject({
      state: 'unack',
      priority: 'medium',
      active: true,
      componentId: 'bearing_de',
    });
    feed(engine, 105);
    expect(alarmOf(engine, 'bearing_de_temp:trip-high')).toMatchObject({ state: 'unack', priority: 'high' });
  });

  it('needs consecutive samples beyond the limit (no alarm on a single spike)', () => {
    const engine = new AlarmEngine(asset);
    feed(engine, 95, 1);
    feed(engine, 65, 1);
    feed(engine, 95, 1);
    expect(engine.snapshot()).toEqual([]);
  });

  it('goes unack → rtn-unack when the value returns, and disappears on acknowledge', () => {
    const engine = new AlarmEngine(asset);
    feed(engine, 95);
    feed(engine, 60);
    expect(alarmOf(engine, 'bearing_de_temp:alarm-high')?.state).toBe('rtn-unack');
    engine.command('bearing_de_temp:alarm-high', 'ack', 0);
    expect(engine.snapshot()).toEqual([]);
  });

  it('keeps an acknowledged active alarm steady until the value returns', () => {
    const engine = new AlarmEngine(asset);
    feed(engine, 95);
    engine.command('bearing_de_temp:alarm-high', 'ack', 0);
    expect(alarmOf(engine, 'bearing_de_temp:alarm-high')?.state).toBe('ack');
    feed(engine, 89.9);
    expect(alarmOf(engine, 'bearing_de_temp:alarm-high')?.state).toBe('ack');
    feed(engine, 80);
    expect(engine.snapshot()).toEqual([]);
  });

  it('shelves with a timer and brings the alarm back when the shelf expires while still active', () => {
    const engine = new AlarmEngine(asset);
    feed(engine, 95);
    engine.command('bearing_de_temp:alarm-high', 'shelve', 1000, 15);
    expect(alarmOf(engine, 'bearing_de_temp:alarm-high')).toMatchObject({
      state: 'shelved',
      shelvedUntil: 1000 + 15 * 60_000,
    });
    const s = sample(95);
    engine.evaluate(s.values, s.quality, 10_000, 1000 + 15 * 60_000);
    expect(alarmOf(engine, 'bearing_de_temp:alarm-high')?.state).toBe('unack');
  });

  it('ignores bad-quality samples instead of clearing or raising on them', () => {
    const engine = new AlarmEngine(asset);
    feed(engine, 95);
    const s = sample(Number.NaN);
    s.quality[tempIndex] = 3;
    engine.evaluate(s.values, s.quality, 5000, 0);
    expect(alarmOf(engine, 'bearing_de_temp:alarm-high')?.active).toBe(true);
  });

  it('names the alarm when an action targets one that does not exist', () => {
    expect(() => new AlarmEngine(asset).command('flow:alarm-low', 'ack', 0)).toThrow(
      /no alarm "flow:alarm-low"/,
    );
  });
});
