// The test OPC UA server's address space: a folder P101 with a few pump-skid tags and two writable setpoints.
//
// NodeIds: the server's own namespace is index 1, so the variables are "ns=1;s=P101.<tag>" (see nodeIdOf),
// under the folder "ns=1;s=P101" in Objects.
import { DataType, StatusCodes, Variant, type OPCUAServer, type UAVariable } from 'node-opcua';

/** Pump-skid tags the server animates (Double, changing smoothly). */
export const PUBLISHED_TAGS = [
  'discharge_pressure',
  'suction_pressure',
  'flow',
  'motor_speed',
  'motor_current',
  'bearing_de_temp',
] as const;
export type PublishedTag = (typeof PUBLISHED_TAGS)[number];

/** Writable setpoints: speed_setpoint is a Double, valve_setpoint a Float (so a Double write must be converted). */
export const WRITABLE_SETPOINTS = {
  speed_setpoint: DataType.Double,
  valve_setpoint: DataType.Float,
} as const;
export type WritableSetpoint = keyof typeof WRITABLE_SETPOINTS;

export const OPCUA_TEST_NAMESPACE = 1;
export const nodeIdOf = (name: string): string => `ns=${OPCUA_TEST_NAMESPACE};s=P101.${name}`;

/** A published tag by name ("flow") or by NodeId ("ns=1;s=P101.flow"). */
export type TagOrNodeId = PublishedTag | string;

export function publishedTag(tag: TagOrNodeId): PublishedTag {
  const name = tag.startsWith('ns=') ? tag.replace(`ns=${OPCUA_TEST_NAMESPACE};s=P101.`, '') : tag;
  const found = PUBLISHED_TAGS.find((t) => t === name);
  if (!found)
    throw new Error(`test OPC UA server publishes no tag ${tag}; it has ${PUBLISHED_TAGS.join(', ')}`);
  return found;
}

/** A smooth, distinct curve per tag. */
export const animatedValue = (tag: PublishedTag, t: number): number => {
  const i = PUBLISHED_TAGS.indexOf(tag);
  return 10 * (i + 1) + Math.sin(t / 1000 + i);
};

/** Setpoint values and every write, kept outside the server so that they survive a restart. */
export interface SetpointStore {
  values: Record<WritableSetpoint, number>;
  writes: { name: WritableSetpoint; value: number }[];
}

/** Adds the P101 folder to an initialized server; returns the published tags' variables. */
export function addPumpSkid(server: OPCUAServer, setpoints: SetpointStore): Map<PublishedTag, UAVariable> {
  const addressSpace = server.engine.addressSpace;
  if (!addressSpace) throw new Error('test OPC UA server has no address space after initialize()');
  const namespace = addressSpace.getOwnNamespace();
  if (namespace.index !== OPCUA_TEST_NAMESPACE)
    throw new Error(
      `test OPC UA server's own namespace is ${namespace.index}, expected ${OPCUA_TEST_NAMESPACE}`,
    );
  const folder = namespace.addFolder(addressSpace.rootFolder.objects, {
    browseName: 'P101',
    nodeId: 's=P101',
  });
  const published = new Map<PublishedTag, UAVariable>();
  for (const name of PUBLISHED_TAGS) {
    const variable = namespace.addVariable({
      componentOf: folder,
      browseName: name,
      nodeId: `s=P101.${name}`,
      dataType: 'Double',
      // Measurements: a client cannot write them.
      accessLevel: 'CurrentRead',
      userAccessLevel: 'CurrentRead',
    });
    variable.setValueFromSource({ dataType: DataType.Double, value: animatedValue(name, Date.now()) });
    published.set(name, variable);
  }
  for (const [name, dataType] of Object.entries(WRITABLE_SETPOINTS) as [WritableSetpoint, DataType][]) {
    namespace.addVariable({
      componentOf: folder,
      browseName: name,
      nodeId: `s=P101.${name}`,
      dataType: DataType[dataType],
      accessLevel: 'CurrentRead | CurrentWrite',
      userAccessLevel: 'CurrentRead | CurrentWrite',
      minimumSamplingInterval: 100,
      value: {
        get: () => new Variant({ dataType, value: setpoints.values[name] }),
        set: (variant: Variant) => {
          setpoints.values[name] = Number(variant.value);
          setpoints.writes.push({ name, value: setpoints.values[name] });
          return StatusCodes.Good;
        },
      },
    });
  }
  return published;
}
