/** Parsing of C-MAPSS RUL_FD00x files (true RUL after each test unit's last cycle). */
/**
 * Parses a RUL_FD00x file: one non-negative integer per line (line i is test unit i), trailing
 * spaces and blank lines allowed. Throws naming file and line on a bad line, since dropping one
 * would shift every later unit.
 */
export function parseRulFile(text: string, fileName = 'RUL file'): Int32Array {
  const out: number[] = [];
  text.split('\n').forEach((rawLine, li) => {
    const raw = rawLine.trim();
    if (raw === '') return;
    const tokens = raw.split(/\s+/);
    if (tokens.length !== 1)
      throw new Error(`${fileName} line ${li + 1}: expected one value, found ${tokens.length}`);
    const v = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(v))
      throw new Error(`${fileName} line ${li + 1}: "${raw}" is not a non-negative integer`);
    out.push(v);
  });
  return Int32Array.from(out);
}
