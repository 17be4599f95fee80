import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsset } from '../../../core/asset/parse';
import { applyConnectionOverrides } from '../../../core/asset/connection-overrides';

const pumpSkid = () =>
  JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as Record<string, unknown>;

const withSources = (sources: unknown) => ({ ...pumpSkid(), sources });

const broker = { id: 'plant-broker', kind: 'mqtt', url: 'mqtt://10.0.0.5:1883' };
const plc = { id: 'plc', kind: 'opcua', url: 'opc.tcp://10.0.0.9:4840' };

function problemsOf(raw: unknown): string[] {
  const r = parseAsset(raw);
  if (r.ok) throw new Error('expected the asset to be rejected');
  return r.problems.map((p) => `${p.path}: ${p.message}`);
}

function parsed(raw: unknown) {
  const r = parseAsset(raw);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.asset;
}

describe('the asset sources section', () => {
  it('reads a version 1 file unchanged: it simply has no live sources', () => {
    const asset = parsed({ ...pumpSkid(), schemaVersion: 1 });
    expect(asset.schemaVersion).toBe(3);
    expect(asset.sources).toBeUndefined();
  });

  it('binds tags to MQTT topics, Sparkplug metrics and OPC UA nodes, with defaults filled in', () => {
    const asset = parsed(
      withSources({
        connections: [broker, plc],
        bindings: [
          { tag: 'discharge_pressure', connection: 'plant-broker', topic: 'plant/p101/pt102', value: '/v' },
          { tag: 'suction_pressure', connection: 'plc', nodeId: 'ns=2;s=P101.PT101', unit: 'kPa' },
        ],
      }),
    );
    expect(asset.sources?.use).toBe('live');
    expect(asset.sources?.bindings[0]).toMatchObject({ scale: 1, offset: 0, deadband: 0, staleAfterS: 10 });
    expect(asset.sources?.connections[1]).toMatchObject({ securityMode: 'None', samplingIntervalMs: 1000 });
  });

  it('names every binding that does not fit its connection or asset', () => {
    const problems = problemsOf(
      withSources({
        connections: [broker, { ...plc, securityMode: 'SignAndEncrypt' }],
        bindings: [
          { tag: 'discharge_pressure', connection: 'plant-broker' },
          { tag: 'no_such_tag', connection: 'plc', nodeId: 'ns=2;s=X' },
          { tag: 'suction_pressure', connection: 'nowhere', nodeId: 'ns=2;s=X' },
          { tag: 'suction_pressure', connection: 'plc', nodeId: 'ns=2;s=X', unit: 'rpm' },
        ],
        writes: [{ control: 'no_such_control', connection: 'plc', nodeId: 'ns=2;s=SP' }],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sources\.connections\[1\]\.securityPolicy: security mode SignAndEncrypt needs policy Basic256Sha256/,
        ),
        expect.stringMatching(/^sources\.bindings\[0\]\.topic: topic is needed for an MQTT JSON connection/),
        expect.stringMatching(/^sources\.bindings\[2\]\.connection: unknown connection "nowhere"/),
        expect.stringMatching(/^sources\.bindings\[1\]\.tag: unknown tag "no_such_tag"/),
        expect.stringMatching(/^sources\.writes\[0\]\.control: unknown control "no_such_control"/),
      ]),
    );
  });

  it('refuses a source unit that cannot become the tag unit', () => {
    const problems = problemsOf(
      withSources({
        connections: [plc],
        bindings: [{ tag: 'suction_pressure', connection: 'plc', nodeId: 'ns=2;s=X', unit: 'rpm' }],
      }),
    );
    expect(problems).toEqual([
      'sources.bindings[0].unit: "rpm" cannot be converted to the tag\'s unit "bar(g)"',
    ]);
  });

  it('refuses wildcards in topics and passwords written into the file', () => {
    expect(
      problemsOf(withSources({ connections: [{ ...broker, password: 'secret' }], bindings: [] })).join('\n'),
    ).toMatch(/password/);
    expect(
      problemsOf(
        withSources({
          connections: [broker],
          bindings: [{ tag: 'discharge_pressure', connection: 'plant-broker', topic: 'plant/#' }],
        }),
      ).join('\n'),
    ).toMatch(/without the wildcards/);
  });
});

describe('--connection overrides', () => {
  const asset = parsed(
    withSources({
      connections: [broker, plc],
      bindings: [{ tag: 'discharge_pressure', connection: 'plant-broker', topic: 'plant/p101/pt102' }],
    }),
  );

  it('replace a named connection address and keep the rest', () => {
    const moved = applyConnectionOverrides(asset, { 'plant-broker': 'mqtt://127.0.0.1:18830' });
    expect(moved.sources?.connections.map((c) => c.url)).toEqual([
      'mqtt://127.0.0.1:18830',
      'opc.tcp://10.0.0.9:4840',
    ]);
    expect(asset.sources?.connections[0]?.url).toBe('mqtt://10.0.0.5:1883');
  });

  it('name the connection when it is unknown or its new address is of the wrong kind', () => {
    expect(() => applyConnectionOverrides(asset, { broker: 'mqtt://x:1' })).toThrow(
      /asset "pump-skid" has no connection "broker"; it has: plant-broker, plc/,
    );
    expect(() => applyConnectionOverrides(asset, { plc: 'mqtt://x:1' })).toThrow(
      /--connection plc=mqtt:\/\/x:1: must be an endpoint like "opc.tcp:\/\/host:4840"/,
    );
  });
});
