import { beforeEach, describe, expect, it } from 'vitest';
import { Quality } from '../../core/data/quality';
import { applyConnections, connectionsStore } from '../../renderer/src/state/connections-store';
import { playbackStore } from '../../renderer/src/state/playback-store';
import {
  displayedFreshness,
  displayedSourceAge,
  formatAge,
  freshnessOf,
  isStaleLike,
} from '../../renderer/src/state/tag-freshness';
import { ingestTelemetry, resetTelemetry } from '../../renderer/src/state/telemetry-store';
import { liveSnapshot, NOW, tagStatus } from './connections-fixture';

describe('freshness of a value', () => {
  it('reads the live qualities: stale, bad at source, uncertain', () => {
    expect(freshnessOf(Quality.stale, undefined, false)).toBe('stale');
    expect(freshnessOf(Quality.sourceBad, undefined, true)).toBe('bad-at-source');
    expect(freshnessOf(Quality.uncertain, tagStatus('a'), true)).toBe('uncertain');
    expect(freshnessOf(Quality.good, tagStatus('a'), true)).toBe('fresh');
  });

  it('knows a tag that never received a value, but only while the live sources are on screen', () => {
    const never = tagStatus('a', { lastValueAt: null });
    expect(freshnessOf(Quality.missing, never, true)).toBe('never');
    expect(freshnessOf(Quality.missing, never, false)).toBe('fresh');
    expect(freshnessOf(Quality.good, tagStatus('a', { stale: true }), true)).toBe('stale');
  });

  it('hatches stale and never received, not bad or uncertain values', () => {
    expect(['stale', 'never'].every((f) => isStaleLike(f as 'stale'))).toBe(true);
    expect(isStaleLike('bad-at-source')).toBe(false);
    expect(isStaleLike('uncertain')).toBe(false);
  });

  it('words ages shortly', () => {
    expect(formatAge(42_400)).toBe('42 s');
    expect(formatAge(3 * 60_000 + 5000)).toBe('3 min');
    expect(formatAge(5 * 3_600_000)).toBe('5 h');
    expect(formatAge(2 * 86_400_000)).toBe('2 d');
  });
});

describe('displayed freshness', () => {
  beforeEach(() => {
    connectionsStore.setState(connectionsStore.getInitialState(), true);
    playbackStore.setState({ mode: 'live', values: null, quality: null });
    resetTelemetry(2, 8);
    ingestTelemetry({
      assetId: 'pump-skid',
      tags: 2,
      samples: 1,
      t: Float64Array.of(NOW),
      values: Float32Array.of(1480, 61),
      quality: Uint8Array.of(Quality.good, Quality.stale),
    });
  });

  it('follows the telemetry quality and the snapshot of the live sources', () => {
    applyConnections(
      liveSnapshot({
        tags: [tagStatus('speed'), tagStatus('temp', { stale: true, lastValueAt: NOW - 42_000 })],
      }),
      null,
      NOW,
    );
    expect(displayedFreshness(0, 'speed')).toBe('fresh');
    expect(displayedFreshness(1, 'temp')).toBe('stale');
    expect(displayedSourceAge('temp')).toBe(42_000);
  });

  it('gives no age while replaying: the snapshot describes now, not the playhead', () => {
    applyConnections(liveSnapshot({ tags: [tagStatus('temp', { lastValueAt: NOW - 42_000 })] }), null, NOW);
    playbackStore.setState({ mode: 'replay', values: Float32Array.of(1, 2), quality: Uint8Array.of(0, 0) });
    expect(displayedSourceAge('temp')).toBeNull();
    expect(displayedFreshness(1, 'temp')).toBe('fresh');
  });
});
