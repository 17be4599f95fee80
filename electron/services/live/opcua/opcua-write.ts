import { AttributeIds, DataType, StatusCodes, type ClientSession, type StatusCode } from 'node-opcua';
import { isValidNodeId } from './opcua-monitoring';
import { statusName } from './status-quality';

/** Built-in numeric types a setpoint may have on the server (their NodeIds in namespace 0 equal the enum). */
const NUMERIC_TYPES = new Set<DataType>([
  DataType.Boolean,
  DataType.SByte,
  DataType.Byte,
  DataType.Int16,
  DataType.UInt16,
  DataType.Int32,
  DataType.UInt32,
  DataType.Float,
  DataType.Double,
]);

const asType = (value: number, dataType: DataType): number | boolean =>
  dataType === DataType.Boolean
    ? value !== 0
    : dataType === DataType.Float || dataType === DataType.Double
      ? value
      : Math.round(value);

const writeAs = (
  session: ClientSession,
  nodeId: string,
  dataType: DataType,
  value: number,
): Promise<StatusCode> =>
  session.write({
    nodeId,
    attributeId: AttributeIds.Value,
    value: { value: { dataType, value: asType(value, dataType) } },
  });

/** The variable's built-in numeric type, when it has one. */
async function numericTypeOf(session: ClientSession, nodeId: string): Promise<DataType | undefined> {
  const dataValue = await session.read({ nodeId, attributeId: AttributeIds.DataType });
  const typeId: unknown = dataValue.value.value;
  if (typeof typeId !== 'object' || typeId === null || !('namespace' in typeId) || !('value' in typeId))
    return undefined;
  const { namespace, value } = typeId as { namespace: number; value: unknown };
  return namespace === 0 && typeof value === 'number' && NUMERIC_TYPES.has(value)
    ? (value as DataType)
    : undefined;
}

/**
 * Writes a number to a variable's Value: as a Double, or, when the server says the type does not match, as
 * the variable's own numeric type (PLC setpoints are often Float or Int16). Rejects with the status name.
 */
export async function writeNumber(session: ClientSession, nodeId: string, value: number): Promise<void> {
  if (!isValidNodeId(nodeId)) throw new Error(`OPC UA ${nodeId}: not a valid NodeId`);
  let status = await writeAs(session, nodeId, DataType.Double, value);
  if (status.equals(StatusCodes.BadTypeMismatch)) {
    const dataType = await numericTypeOf(session, nodeId);
    if (dataType !== undefined && dataType !== DataType.Double)
      status = await writeAs(session, nodeId, dataType, value);
  }
  if (!status.isGood()) throw new Error(`OPC UA ${nodeId}: ${statusName(status)}`);
}
