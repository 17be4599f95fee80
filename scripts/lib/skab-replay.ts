// SKAB recordings (Skoltech Anomaly Benchmark, valve test bed) read from CSV and turned into the live
// messages agreed with the asset author: a JSON topic, or Sparkplug B node metrics of edge node "testbed".
import fs from 'node:fs';
import {
  encodeSparkplug,
  REBIRTH_METRIC,
  SPARKPLUG_NAMESPACE,
  type SparkplugMetric,
} from '../../electron/services/live/mqtt/sparkplug-codec';

/** The sensor columns, in file order; their names are the JSON keys and the Sparkplug metric names. */
export const SKAB_COLUMNS = [
  'Accelerometer1RMS',
  'Accelerometer2RMS',
  'Current',
  'Pressure',
  'Temperature',
  'Thermocouple',
  'Voltage',
  'Volume Flow RateRMS',
] as const;
export type SkabColumn = (typeof SKAB_COLUMNS)[number];

export const SKAB_JSON_TOPIC = 'skab/testbed/sensors';
export const SKAB_GROUP = 'skab';
export const SKAB_EDGE_NODE = 'testbed';

export interface SkabRow {
  /** The row's recorded time, ms since the epoch (the file's clock read as UTC). */
  t: number;
  values: Record<SkabColumn, number>;
}

export interface SkabRecording {
  rows: SkabRow[];
  /** Lines that were skipped, each as "<file>:<line>: <why>". */
  skipped: string[];
}

const DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(\.\d+)?)$/;

/** Parses SKAB CSV text (";"-separated, header first); `file` names it in problems. */
export function parseSkabCsv(text: string, file: string): SkabRecording {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(';');
  const timeAt = header.indexOf('datetime');
  const columnAt = SKAB_COLUMNS.map((c) => header.indexOf(c));
  const missing = SKAB_COLUMNS.filter((_, i) => columnAt[i] === -1);
  if (timeAt === -1 || missing.length > 0)
    throw new Error(
      `${file}:1: not a SKAB recording: the header lacks ${[...(timeAt === -1 ? ['datetime'] : []), ...missing].join(', ')}`,
    );
  const rows: SkabRow[] = [];
  const skipped: string[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 2}`;
    const fields = line.split(';');
    if (fields.length !== header.length)
      return skipped.push(`${where}: ${fields.length} fields, the header has ${header.length}`);
    const time = DATETIME.exec(fields[timeAt] ?? '');
    const t = time ? Date.parse(`${time[1]}T${time[2]}Z`) : Number.NaN;
    if (!Number.isFinite(t))
      return skipped.push(`${where}: datetime "${fields[timeAt]}" is not "YYYY-MM-DD hh:mm:ss"`);
    const values = {} as Record<SkabColumn, number>;
    for (const [k, column] of SKAB_COLUMNS.entries()) {
      const text = (fields[columnAt[k] ?? -1] ?? '').trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value))
        return skipped.push(`${where}: ${column} "${text}" is not a number`);
      values[column] = value;
    }
    rows.push({ t, values });
  });
  return { rows, skipped };
}

/** Reads a SKAB CSV file; throws naming the file when it cannot be read or is not a SKAB recording. */
export function readSkabCsv(file: string): SkabRecording {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read SKAB recording ${file}: ${(error as Error).message}`);
  }
  return parseSkabCsv(text, file);
}

/** JSON mode: one message on SKAB_JSON_TOPIC with the row's sensor values, stamped `ts`. */
export function jsonMessage(row: SkabRow, ts: number): { topic: string; payload: string } {
  return { topic: SKAB_JSON_TOPIC, payload: JSON.stringify({ timestamp: ts, ...row.values }) };
}

export const sparkplugNodeTopic = (type: 'NBIRTH' | 'NDATA' | 'NDEATH' | 'NCMD'): string =>
  `${SPARKPLUG_NAMESPACE}/${SKAB_GROUP}/${type}/${SKAB_EDGE_NODE}`;

const bdSeqMetric = (bdSeq: number): SparkplugMetric => ({ name: 'bdSeq', type: 'UInt64', value: bdSeq });

/** NBIRTH: every column as a Double with alias 1..8, plus bdSeq and the rebirth control. */
export function sparkplugBirth(row: SkabRow, ts: number, bdSeq: number, seq: number): Uint8Array {
  const metrics: SparkplugMetric[] = [
    bdSeqMetric(bdSeq),
    { name: REBIRTH_METRIC, type: 'Boolean', value: false },
    ...SKAB_COLUMNS.map((name, i) => ({
      name,
      alias: i + 1,
      type: 'Double' as const,
      value: row.values[name],
    })),
  ];
  return encodeSparkplug({ timestamp: ts, seq, metrics });
}

/** NDATA: every column by alias only, stamped `ts`. */
export function sparkplugData(row: SkabRow, ts: number, seq: number): Uint8Array {
  const metrics = SKAB_COLUMNS.map((name, i) => ({
    alias: i + 1,
    type: 'Double' as const,
    value: row.values[name],
    timestamp: ts,
  }));
  return encodeSparkplug({ timestamp: ts, seq, metrics });
}

/** NDEATH (sent as the MQTT will, and on a clean stop). */
export function sparkplugDeath(bdSeq: number): Uint8Array {
  return encodeSparkplug({ timestamp: Date.now(), metrics: [bdSeqMetric(bdSeq)] });
}
