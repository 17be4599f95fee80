/**
 * Imported C-MAPSS fleets in the history folder's DuckDB file `fleets.duckdb`: one row per engine and cycle
 * (cycles are the time axis), with NASA's three operational settings and 21 sensors, and one row per
 * imported subset naming its file. A later import of the same subset replaces it in one transaction, so a
 * restart shows the fleet last imported, never half of one.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { CmapssParseResult, CmapssUnit } from '../../../core/data/cmapss';
import { CMAPSS_SUBSETS, type CmapssSubset } from '../../../core/fleet/subset';

const SENSORS = 21;
const SETTINGS = 3;
const sensorCols = Array.from({ length: SENSORS }, (_, i) => `s${i + 1}`);
const settingCols = Array.from({ length: SETTINGS }, (_, i) => `op${i + 1}`);

export const fleetStorePath = (dataDir: string): string => nodePath.join(dataDir, 'history', 'fleets.duckdb');

export interface StoredFleet {
  subset: CmapssSubset;
  importedAt: number;
  parsed: CmapssParseResult;
}

export class FleetStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<FleetStore> {
    fs.mkdirSync(nodePath.dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    try {
      const conn = await instance.connect();
      await conn.run(`SET TimeZone = 'UTC'`);
      await conn.run(`CREATE TABLE IF NOT EXISTS cmapss_imports (
        subset VARCHAR PRIMARY KEY, file_name VARCHAR NOT NULL, rows INTEGER NOT NULL, imported_at BIGINT NOT NULL)`);
      await conn.run(`CREATE TABLE IF NOT EXISTS cmapss_cycles (
        subset VARCHAR NOT NULL, unit INTEGER NOT NULL, cycle INTEGER NOT NULL,
        ${[...settingCols.map((c) => `${c} DOUBLE`), ...sensorCols.map((c) => `${c} FLOAT`)].join(', ')})`);
      // Fleets arrive as text through the API: SQL here never needs another file.
      await conn.run('SET enable_external_access = false');
      return new FleetStore(instance, conn, path);
    } catch (e) {
      instance.closeSync();
      throw e;
    }
  }

  /** Replaces the stored fleet of `subset` with `parsed` (all or nothing). */
  async save(subset: CmapssSubset, parsed: CmapssParseResult, importedAt = Date.now()): Promise<void> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      await this.conn.run(`DELETE FROM cmapss_cycles WHERE subset = '${subset}'`);
      await this.conn.run(`DELETE FROM cmapss_imports WHERE subset = '${subset}'`);
      const a = await this.conn.createAppender('cmapss_cycles');
      for (const u of parsed.units)
        for (let r = 0; r < u.cycles.length; r++) {
          a.appendVarchar(subset);
          a.appendInteger(u.unit);
          a.appendInteger(u.cycles[r]!);
          for (const col of u.settings) a.appendDouble(col[r]!);
          for (const col of u.sensors) a.appendFloat(col[r]!);
          a.endRow();
        }
      a.closeSync();
      const name = parsed.fileName.replaceAll("'", "''");
      await this.conn.run(
        `INSERT INTO cmapss_imports VALUES ('${subset}', '${name}', ${parsed.rows}, ${Math.floor(importedAt)})`,
      );
      await this.conn.run('COMMIT');
    } catch (e) {
      await this.conn.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** Every stored fleet, rebuilt as the parser would have returned it. */
  async loadAll(): Promise<StoredFleet[]> {
    const imports = (
      await this.conn.runAndReadAll(
        `SELECT subset, file_name, rows, imported_at FROM cmapss_imports ORDER BY subset`,
      )
    ).getRows();
    const out: StoredFleet[] = [];
    for (const [subset, fileName, rows, importedAt] of imports) {
      const s = String(subset);
      if (!(CMAPSS_SUBSETS as readonly string[]).includes(s)) continue;
      const cols = (
        await this.conn.runAndReadAll(
          `SELECT unit, cycle, ${[...settingCols, ...sensorCols].join(', ')} FROM cmapss_cycles
           WHERE subset = '${s}' ORDER BY unit, cycle`,
        )
      ).getColumns();
      out.push({
        subset: s as CmapssSubset,
        importedAt: Number(importedAt),
        parsed: { fileName: String(fileName), rows: Number(rows), units: unitsFromColumns(cols), errors: [] },
      });
    }
    return out;
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** Columns (unit, cycle, op1–3, s1–21), sorted by unit and cycle → one CmapssUnit per unit. */
function unitsFromColumns(cols: readonly (readonly unknown[])[]): CmapssUnit[] {
  const unitCol = cols[0] ?? [];
  const units: CmapssUnit[] = [];
  let start = 0;
  for (let i = 1; i <= unitCol.length; i++) {
    if (i < unitCol.length && unitCol[i] === unitCol[start]) continue;
    const floats = (c: number) => Float32Array.from(cols[c]!.slice(start, i), Number);
    units.push({
      unit: Number(unitCol[start]),
      cycles: Int32Array.from(cols[1]!.slice(start, i), Number),
      settings: settingCols.map((_, k) => floats(2 + k)),
      sensors: sensorCols.map((_, k) => floats(2 + SETTINGS + k)),
    });
    start = i;
  }
  return units;
}
