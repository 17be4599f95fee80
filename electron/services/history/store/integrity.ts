import fs from 'node:fs';
import nodePath from 'node:path';
import { said, type Phrase } from '../../../../core/text/phrase';
import { DUCKDB_BLOCK_BYTES, DUCKDB_HEADER_BYTES } from './schema';

/** What can be wrong with a history file found at start-up. */
export type StoreProblemKind =
  | 'empty-file'
  | 'foreign-file'
  | 'zeroed-header'
  | 'truncated-database'
  | 'garbled-wal'
  | 'wal-tail-lost'
  | 'unreadable';

export interface StoreProblem {
  kind: StoreProblemKind;
  /** One sentence for the user. */
  message: string;
  /** The sentence as a code and values, for the renderer's language. */
  phrase: Phrase;
  /** Where the damaged files were moved (never overwritten, never deleted). */
  movedTo?: string[];
  /** For 'wal-tail-lost': simulated seconds of data written before the crash that could not be recovered. */
  lostSeconds?: number;
  /** For 'wal-tail-lost': committed flushes that were lost. */
  lostCommits?: number;
}

/** Raised when another process (or another store in this process) holds the file. */
export class HistoryLockedError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(
      `The history store "${path}" is open in another Twinscape instance${detail ? ` (${detail})` : ''}. Close it there, or choose another workspace.`,
    );
    this.name = 'HistoryLockedError';
  }
}

/** A problem of the file at `path`: its kind, its sentence and the phrase that says it. */
const problem = (
  kind: StoreProblemKind,
  code: Parameters<typeof said>[0],
  params: Record<string, string | number>,
  message: string,
): StoreProblem => ({ kind, ...said(code, params, message) });

export const walPath = (path: string): string => `${path}.wal`;
/** Small file rewritten after every commit: the commit counter the database must reach on reopen. */
export const sidecarPath = (path: string): string => `${path}.commit`;

export interface CommitMark {
  seq: number;
  lastTs: number | null;
}

export function readCommitMark(path: string): CommitMark | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(sidecarPath(path), 'utf8')) as Partial<CommitMark>;
    if (typeof parsed.seq !== 'number') return null;
    return { seq: parsed.seq, lastTs: typeof parsed.lastTs === 'number' ? parsed.lastTs : null };
  } catch {
    return null;
  }
}

/**
 * Replaces the commit mark atomically: written to `<mark>.tmp`, fsynced, renamed over the mark, and the
 * folder fsynced, so a crash leaves either the old mark or the new one, never a torn file.
 */
export function writeCommitMark(path: string, mark: CommitMark): void {
  const target = sidecarPath(path);
  const temporary = `${target}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(mark));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, target);
  syncFolder(nodePath.dirname(target));
}

/** Makes a rename durable; some platforms (Windows) cannot open a folder, where the rename is already durable. */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* folder fsync unsupported here */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

function describeForeign(head: Buffer): string {
  if (head.subarray(0, 8).equals(PNG)) return 'a PNG image';
  if (head.subarray(0, 16).equals(SQLITE)) return 'an SQLite database';
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'a Parquet file';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'a ZIP archive';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'a PDF document';
  const text = head.subarray(0, 64).toString('utf8');
  if ([...text].every((ch) => ch === '\t' || ch === '\n' || ch === '\r' || (ch >= ' ' && ch <= '~')))
    return 'a text file';
  return 'not a DuckDB database';
}

/** Checks the file before DuckDB sees it; null when it looks like a healthy DuckDB file (or does not exist). */
export function preflight(path: string): StoreProblem | null {
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch {
    return null;
  }
  if (size === 0)
    return problem(
      'empty-file',
      'historyEmptyFile',
      { path },
      `The history file "${path}" is empty (0 bytes), probably from a crash while it was being created.`,
    );
  const head = Buffer.alloc(Math.min(size, 4096));
  const fd = fs.openSync(path, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(8, 12).toString('latin1') !== 'DUCK') {
    if (head.every((b) => b === 0))
      return problem(
        'zeroed-header',
        'historyZeroedHeader',
        { path, bytes: head.length },
        `The history file "${path}" has a zeroed header (the first ${head.length} bytes are all zero); the disk or file system lost its start.`,
      );
    const detail = describeForeign(head);
    return problem(
      'foreign-file',
      'historyForeignFile',
      { path, detail },
      `The file "${path}" is not a Twinscape history store: it is ${detail}.`,
    );
  }
  if (size < DUCKDB_HEADER_BYTES || (size - DUCKDB_HEADER_BYTES) % DUCKDB_BLOCK_BYTES !== 0)
    return problem(
      'truncated-database',
      'historyTruncatedBlocks',
      { path, size },
      `The history file "${path}" is truncated (${size} bytes is not a whole number of storage blocks).`,
    );
  return null;
}

/** Maps an error DuckDB raised while opening or first reading a file to a problem, or null when it is not about the file. */
export function classifyOpenError(path: string, error: unknown): StoreProblem | HistoryLockedError | null {
  const text = error instanceof Error ? error.message : String(error);
  if (/Could not set lock|Conflicting lock/i.test(text)) {
    const pid = /PID (\d+)/.exec(text)?.[1];
    return new HistoryLockedError(path, pid ? `process ${pid} holds it` : 'the file is locked');
  }
  const detail = firstLine(text);
  if (/replaying WAL|Corrupt WAL|WAL file/i.test(text))
    return problem(
      'garbled-wal',
      'historyGarbledWal',
      { path, detail },
      `The write-ahead log of "${path}" is damaged and could not be replayed (${detail}).`,
    );
  if (/Could not read enough bytes|truncated/i.test(text))
    return problem(
      'truncated-database',
      'historyTruncated',
      { path, detail },
      `The history file "${path}" is truncated (${detail}).`,
    );
  if (/not a valid DuckDB database|Corrupt|checksum|invalid|serializ/i.test(text))
    return problem(
      'unreadable',
      'historyUnreadable',
      { path, detail },
      `The history file "${path}" is damaged and cannot be read (${detail}).`,
    );
  return null;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).slice(0, 240);
}

/** A stamp safe in file names: 2024-05-01T10-20-30-123Z. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replaceAll(':', '-').replaceAll('.', '-');
}

/** Renames the database and its WAL (and commit mark) to `<name>.corrupt-<stamp>[.wal]`; returns the new paths. */
export function moveAside(path: string, stamp = fileStamp()): string[] {
  let target = `${path}.corrupt-${stamp}`;
  for (let i = 1; fs.existsSync(target) || fs.existsSync(walPath(target)); i++)
    target = `${path}.corrupt-${stamp}-${i}`;
  const moved: string[] = [];
  if (fs.existsSync(path)) {
    fs.renameSync(path, target);
    moved.push(target);
  }
  if (fs.existsSync(walPath(path))) {
    fs.renameSync(walPath(path), walPath(target));
    moved.push(walPath(target));
  }
  if (fs.existsSync(sidecarPath(path))) fs.renameSync(sidecarPath(path), sidecarPath(target));
  return moved;
}
