import { describe, expect, it } from 'vitest';
import {
  agoText,
  connectionKindLabel,
  formatCount,
  groupThumbprint,
  needsAttention,
  retryText,
  tagSourceState,
} from '../../renderer/src/features/connections/connections-format';
import { sourceHealth } from '../../renderer/src/features/connections/source-health';
import { liveSnapshot, mqttConnection, NOW, opcuaConnection, tagStatus } from './connections-fixture';

describe('connection wording', () => {
  it('counts down to the next try in whole seconds, then says it is trying', () => {
    expect(retryText(NOW + 4000, NOW)).toBe('next try in 4 s');
    expect(retryText(NOW + 3100, NOW)).toBe('next try in 4 s');
    expect(retryText(NOW + 90_000, NOW)).toBe('next try in 1 min');
    expect(retryText(NOW - 10, NOW)).toBe('trying again now');
    expect(retryText(null, NOW)).toBeNull();
  });

  it('says how long ago something arrived', () => {
    expect(agoText(NOW - 3000, NOW)).toBe('3 s ago');
    expect(agoText(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
    expect(agoText(null, NOW)).toBe('never');
  });

  it('names the protocol, Sparkplug B included', () => {
    expect(connectionKindLabel({ kind: 'mqtt', payload: 'json' })).toBe('MQTT');
    expect(connectionKindLabel({ kind: 'mqtt', payload: 'sparkplug' })).toBe('MQTT Sparkplug B');
    expect(connectionKindLabel({ kind: 'opcua' })).toBe('OPC UA');
  });

  it('groups a SHA-1 thumbprint by four, whatever separators it came with', () => {
    expect(groupThumbprint('3f:2a:9c:01:d4:e5:b6:a7:98:0f:1e:2d:3c:4b:5a:69:78:87:76:65')).toBe(
      '3F2A 9C01 D4E5 B6A7 980F 1E2D 3C4B 5A69 7887 7665',
    );
  });

  it('prints counts with thousands separators', () => {
    expect(formatCount(1234)).toBe('1,234');
  });
});

describe('tag source state', () => {
  it('puts never received before stale before a problem', () => {
    expect(tagSourceState(tagStatus('a', { lastValueAt: null, problem: 'x' }))).toBe('never');
    expect(tagSourceState(tagStatus('a', { stale: true, problem: 'x' }))).toBe('stale');
    expect(tagSourceState(tagStatus('a', { problem: 'out of range' }))).toBe('problem');
    expect(tagSourceState(tagStatus('a'))).toBe('fresh');
  });

  it('filters the tags that need attention', () => {
    expect(needsAttention(tagStatus('a'))).toBe(false);
    expect(needsAttention(tagStatus('a', { lastValueAt: null }))).toBe(true);
    expect(needsAttention(tagStatus('a', { stale: true }))).toBe(true);
  });
});

describe('status bar health', () => {
  it('is nothing outside live mode (the simulator keeps its look)', () => {
    expect(sourceHealth(null)).toBeNull();
    expect(sourceHealth(liveSnapshot({ mode: 'simulator' }))).toBeNull();
  });

  it('is normal (grey) when every connection is up and every tag fresh', () => {
    const h = sourceHealth(liveSnapshot({ connections: [mqttConnection(), opcuaConnection()] }));
    expect(h).toMatchObject({ level: 'normal', connected: 2, total: 2, messagesPerSecond: 16 });
    expect(h?.kinds).toEqual(['MQTT', 'OPC UA']);
  });

  it('is degraded (amber) with one connection down, a stale tag or dropped samples', () => {
    const down = liveSnapshot({
      connections: [mqttConnection(), opcuaConnection({ state: 'reconnecting', nextRetryAt: NOW + 4000 })],
    });
    expect(sourceHealth(down)?.level).toBe('degraded');
    const stale = liveSnapshot({
      tags: [tagStatus('a', { stale: true }), tagStatus('b', { lastValueAt: null })],
    });
    expect(sourceHealth(stale)).toMatchObject({ level: 'degraded', staleTags: 1, neverTags: 1 });
    expect(sourceHealth(liveSnapshot({ droppedSamples: 1234 }))).toMatchObject({
      level: 'degraded',
      droppedSamples: 1234,
    });
  });

  it('is failed (red) when no connection is up or starting', () => {
    const failed = liveSnapshot({
      connections: [mqttConnection({ state: 'failed', error: 'connection refused' })],
    });
    expect(sourceHealth(failed)?.level).toBe('failed');
    const starting = liveSnapshot({ connections: [mqttConnection({ state: 'connecting' })] });
    expect(sourceHealth(starting)?.level).toBe('degraded');
  });
});
