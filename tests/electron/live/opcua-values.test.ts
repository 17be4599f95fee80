// OPC UA connector against a real node-opcua server: values, statuses, unknown nodes and writes.
import { StatusCodes } from 'node-opcua';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../../../electron/services/live/connector';
import { createOpcuaConnector } from '../../../electron/services/live/opcua/opcua-connector';
import { nodeIdOf, startTestOpcuaServer, type TestOpcuaServer } from '../../support/opcua-server';
import { opcuaTestContext, tempDataDir, type RecordingSink } from './opcua-harness';

let server: TestOpcuaServer;
let data: ReturnType<typeof tempDataDir>;
let connector: Connector;
let sink: RecordingSink;

const FLOW = 0;
const DISCHARGE = 1;
const UNKNOWN = 2;
const MOTOR_CURRENT = 3;

beforeAll(async () => {
  server = await startTestOpcuaServer();
  data = tempDataDir();
  const made = opcuaTestContext({
    url: server.url,
    nodes: ['flow', 'discharge_pressure', 'no_such_tag', 'motor_current'],
    dataDir: data.dir,
  });
  sink = made.sink;
  connector = createOpcuaConnector(made.context);
  connector.start();
  await vi.waitFor(() => expect(sink.lastState?.state).toBe('connected'), { timeout: 20_000, interval: 50 });
}, 30_000);

afterAll(async () => {
  await connector?.stop();
  await server?.dispose();
  data?.remove();
});

describe('OPC UA connector: values', () => {
  it('delivers changing values with their source timestamps and quality good', async () => {
    const since = Date.now();
    await vi.waitFor(() => expect(sink.goodValuesSince(FLOW, since).length).toBeGreaterThanOrEqual(3), {
      timeout: 10_000,
    });
    const flows = sink.goodValuesSince(FLOW, since);
    for (const v of flows) {
      expect(typeof v.raw).toBe('number');
      expect(v.sourceTs).not.toBeNull();
      expect(Math.abs((v.sourceTs ?? 0) - v.at)).toBeLessThan(5000);
    }
    expect(new Set(flows.map((v) => v.raw)).size).toBeGreaterThan(1);
    expect(sink.messages).toBeGreaterThanOrEqual(sink.values.filter((v) => v.sourceTs !== null).length);
  });

  it('passes on the source timestamp the server sent, not the arrival time', async () => {
    const sourceTimestamp = new Date(Date.now() - 60_000);
    server.setValue('motor_current', 42.5, sourceTimestamp);
    await vi.waitFor(() => expect(sink.valuesOf(MOTOR_CURRENT).some((v) => v.raw === 42.5)).toBe(true));
    const sample = sink.valuesOf(MOTOR_CURRENT).find((v) => v.raw === 42.5);
    expect(sample).toMatchObject({ sourceTs: sourceTimestamp.getTime(), quality: 'good' });
    server.animate('motor_current');
  });

  it('marks a node that does not exist bad, names it once, and keeps the other tags updating', async () => {
    expect(
      sink.problems.filter((p) => p === `OPC UA ${nodeIdOf('no_such_tag')}: BadNodeIdUnknown`),
    ).toHaveLength(1);
    expect(sink.valuesOf(UNKNOWN)).toEqual([expect.objectContaining({ raw: null, quality: 'bad' })]);
    const since = Date.now();
    await vi.waitFor(() => expect(sink.goodValuesSince(DISCHARGE, since).length).toBeGreaterThanOrEqual(2));
  });

  it('passes a Bad status on as quality bad and reports it once per status change', async () => {
    const badNode = `OPC UA ${nodeIdOf('flow')}: BadSensorFailure`;
    server.setBad('flow', StatusCodes.BadSensorFailure);
    await vi.waitFor(() => expect(sink.valuesOf(FLOW).some((v) => v.quality === 'bad')).toBe(true));
    expect(sink.valuesOf(FLOW).find((v) => v.quality === 'bad')).toMatchObject({ raw: null });
    // More samples of the same status do not repeat the problem.
    server.setBad('flow', StatusCodes.BadSensorFailure);
    const since = Date.now();
    await vi.waitFor(() => expect(sink.goodValuesSince(DISCHARGE, since).length).toBeGreaterThanOrEqual(3));
    expect(sink.problems.filter((p) => p === badNode)).toHaveLength(1);

    server.setBad('flow', StatusCodes.UncertainLastUsableValue);
    await vi.waitFor(() => expect(sink.valuesOf(FLOW).some((v) => v.quality === 'uncertain')).toBe(true));
    expect(sink.problems).toContain(`OPC UA ${nodeIdOf('flow')}: UncertainLastUsableValue`);

    const recovered = Date.now();
    server.animate('flow');
    await vi.waitFor(() => expect(sink.goodValuesSince(FLOW, recovered).length).toBeGreaterThanOrEqual(1));
    server.setBad('flow', StatusCodes.BadSensorFailure);
    await vi.waitFor(() => expect(sink.problems.filter((p) => p === badNode)).toHaveLength(2));
    // Leave flow Good on the server before the next test subscribes to it again.
    const healed = Date.now();
    server.animate('flow');
    await vi.waitFor(() => expect(sink.goodValuesSince(FLOW, healed).length).toBeGreaterThanOrEqual(1));
  });
});

describe('OPC UA connector: many bindings', () => {
  it('monitors more bindings than one request carries, each value going to its own binding', async () => {
    const nodes = [...Array.from({ length: 520 }, (_, i) => (i % 2 ? 'flow' : 'motor_speed')), 'no_such_tag'];
    const made = opcuaTestContext({ url: server.url, nodes, dataDir: data.dir, samplingIntervalMs: 500 });
    const many = createOpcuaConnector(made.context);
    try {
      many.start();
      await vi.waitFor(
        () =>
          expect(new Set(made.sink.values.filter((v) => v.quality === 'good').map((v) => v.index)).size).toBe(
            520,
          ),
        { timeout: 20_000, interval: 100 },
      );
      expect(made.sink.valuesOf(520)).toEqual([expect.objectContaining({ quality: 'bad' })]);
      expect(made.sink.problems).toEqual([`OPC UA ${nodeIdOf('no_such_tag')}: BadNodeIdUnknown`]);
      const motorSpeed = made.sink.valuesOf(518).find((v) => v.quality === 'good');
      const flow = made.sink.valuesOf(519).find((v) => v.quality === 'good');
      // motor_speed animates around 40, flow around 30 (see opcua-address-space.ts).
      expect(motorSpeed?.raw).toBeGreaterThan(38);
      expect(flow?.raw).toBeLessThan(32);
    } finally {
      await many.stop();
    }
  }, 30_000);
});

describe('OPC UA connector: writes', () => {
  const control = (name: string) => ({
    control: name,
    connection: 'plc',
    nodeId: nodeIdOf(name),
    writable: true,
  });

  it('writes a setpoint that reaches the server', async () => {
    await connector.write(control('speed_setpoint'), 37.5);
    expect(server.setpoint('speed_setpoint')).toBe(37.5);
    expect(server.writes.at(-1)).toEqual({ name: 'speed_setpoint', value: 37.5 });
  });

  it('converts to the variable type when the server refuses a Double (a Float setpoint)', async () => {
    await connector.write(control('valve_setpoint'), 62.25);
    expect(server.setpoint('valve_setpoint')).toBe(62.25);
  });

  it('rejects a write to a node that does not exist, naming the node and the status', async () => {
    await expect(connector.write(control('no_such_setpoint'), 1)).rejects.toThrow(
      `OPC UA ${nodeIdOf('no_such_setpoint')}: BadNodeIdUnknown`,
    );
  });

  it('rejects a write to a read-only variable with its status name', async () => {
    await expect(connector.write(control('flow'), 1)).rejects.toThrow(
      new RegExp(`^OPC UA ${nodeIdOf('flow').replace(/[.;]/g, '\\$&')}: Bad(NotWritable|UserAccessDenied)$`),
    );
  });
});
