// The write-back path through the whole backend and a real OPC UA server: read-only by default, writable controls
// only after the asset says so, viewers refused, every attempt in the audit trail with the old and new value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/api/domains/audit';
import type { ConnectionsSnapshot } from '../../../core/api/domains/connections';
import { createTwinBackend, type TwinBackend } from '../../../electron/services/twin-backend';
import { nodeIdOf, startTestOpcuaServer, type TestOpcuaServer } from '../../support/opcua-server';

let server: TestOpcuaServer;
let backend: TwinBackend;
let dir: string;

beforeAll(async () => {
  server = await startTestOpcuaServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinscape-live-writes-'));
  const asset = JSON.parse(fs.readFileSync('assets/pump-skid/asset.json', 'utf8')) as Record<string, unknown>;
  asset.sources = {
    use: 'live',
    connections: [{ id: 'plc', kind: 'opcua', url: 'opc.tcp://127.0.0.1:4840', samplingIntervalMs: 100 }],
    bindings: [
      { tag: 'discharge_pressure', connection: 'plc', nodeId: nodeIdOf('discharge_pressure') },
      { tag: 'motor_speed', connection: 'plc', nodeId: nodeIdOf('motor_speed') },
    ],
    writes: [
      { control: 'speed_setpoint', connection: 'plc', nodeId: nodeIdOf('speed_setpoint'), writable: true },
      { control: 'valve_setpoint', connection: 'plc', nodeId: nodeIdOf('valve_setpoint') },
    ],
  };
  const assetPath = path.join(dir, 'live-skid.json');
  fs.writeFileSync(assetPath, JSON.stringify(asset));
  backend = await createTwinBackend({
    host: 'web',
    assetPath,
    dataDir: path.join(dir, 'data'),
    connectionOverrides: { plc: server.url },
  });
}, 60_000);

afterAll(async () => {
  await backend?.dispose();
  await server?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: Parameters<TwinBackend['invoke']>[0], payload: unknown, viewer = false) {
  const result = await backend.invoke(
    method,
    payload,
    viewer ? { role: 'viewer', client: 'web 10.0.0.7' } : undefined,
  );
  return result as { ok: true; value: T } | { ok: false; error: string };
}

describe('writing setpoints to live equipment', () => {
  it('connects to the OPC UA server named by --connection', async () => {
    await expect
      .poll(
        async () => {
          const r = await call<ConnectionsSnapshot>('connectionsStatus', {});
          return r.ok ? r.value.connections[0]?.state : r.error;
        },
        { timeout: 30_000 },
      )
      .toBe('connected');
  });

  it('writes a control the asset marks writable and audits old and new value', async () => {
    const r = await call('writeControl', { controlId: 'speed_setpoint', value: 42.5, from: 50 });
    expect(r.ok).toBe(true);
    expect(server.setpoint('speed_setpoint')).toBe(42.5);
    const audit = await call<AuditEntry[]>('listAudit', {});
    const entry = audit.ok ? audit.value.find((e) => e.method === 'writeControl') : undefined;
    expect(entry).toMatchObject({ ok: true, role: 'operator' });
    expect(entry?.summary).toContain('speed_setpoint');
    expect(entry?.summary).toContain('42.5');
    expect(entry?.summary).toContain('50');
  });

  it('refuses a control not marked writable, a value beyond its limits and a viewer, and audits the refusals', async () => {
    const readOnly = await call('writeControl', { controlId: 'valve_setpoint', value: 40, from: 80 });
    expect(readOnly).toMatchObject({
      ok: false,
      error: expect.stringMatching(/control "valve_setpoint" is read-only/),
    });
    const beyond = await call('writeControl', { controlId: 'speed_setpoint', value: 75, from: 42.5 });
    expect(beyond).toMatchObject({
      ok: false,
      error: expect.stringMatching(/75 Hz is outside its limits 0…50 Hz/),
    });
    const viewer = await call('writeControl', { controlId: 'speed_setpoint', value: 30, from: 42.5 }, true);
    expect(viewer.ok).toBe(false);
    expect(server.setpoint('valve_setpoint')).toBe(80);
    expect(server.setpoint('speed_setpoint')).toBe(42.5);
    const audit = await call<AuditEntry[]>('listAudit', {});
    const refusals = audit.ok ? audit.value.filter((e) => e.method === 'writeControl' && !e.ok) : [];
    expect(refusals.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the simulator commands away from a live asset', async () => {
    const r = await call('setControl', { controlId: 'speed_setpoint', value: 10 });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/runs from live sources/) });
    expect(server.setpoint('speed_setpoint')).toBe(42.5);
  });
});
