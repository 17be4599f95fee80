import fs from 'node:fs';
import nodePath from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { said } from '../../../../core/text/phrase';
import {
  HistoryLockedError,
  classifyOpenError,
  fileStamp,
  moveAside,
  preflight,
  readCommitMark,
  walPath,
  writeCommitMark,
  type StoreProblem,
} from './integrity';

export type Connection = { instance: DuckDBInstance; writer: DuckDBConnection };

/** Files held open by a store in this process: DuckDB allows one writer per file. */
export const openPaths = new Set<string>();

export class ForeignStoreError extends Error {}

export async function connectChecked(path: string): Promise<Connection> {
  const instance = await DuckDBInstance.create(path);
  try {
    const writer = await instance.connect();
    return { instance, writer };
  } catch (e) {
    instance.closeSync();
    throw e;
  }
}

/** What opening needs back from the store built on a connection. */
export interface Initialised<S> {
  store: S;
  writer: DuckDBConnection;
  seq: number;
  lastTs: number | null;
}

/**
 * Opens the file, setting aside a damaged one (and recovering from its last checkpoint where it can),
 * then builds the store with `initialise` and reports what was lost in `problems`.
 */
export async function openRecovering<S>(
  path: string,
  initialise: (conn: Connection, problems: StoreProblem[]) => Promise<Initialised<S>>,
): Promise<S> {
  fs.mkdirSync(nodePath.dirname(path), { recursive: true });
  const problems: StoreProblem[] = [];
  const mark = readCommitMark(path);
  const stamp = fileStamp();

  const pre = preflight(path);
  if (pre) problems.push({ ...pre, movedTo: moveAside(path, stamp) });

  // Keep a copy of a crash WAL until we know whether DuckDB replayed all of it.
  let walCopy: string | null = null;
  if (fs.existsSync(walPath(path)) && fs.statSync(walPath(path)).size > 0) {
    walCopy = `${walPath(path)}.crash-${stamp}`;
    fs.copyFileSync(walPath(path), walCopy);
  }

  let conn: { instance: DuckDBInstance; writer: DuckDBConnection } | null = null;
  let recoveredFromCheckpoint = false;
  try {
    conn = await connectChecked(path);
  } catch (e) {
    const problem = classifyOpenError(path, e);
    if (walCopy) fs.rmSync(walCopy, { force: true });
    if (problem instanceof HistoryLockedError) throw problem;
    if (!problem) throw e;
    const movedTo = moveAside(path, stamp);
    problem.movedTo = movedTo;
    problems.push(problem);
    walCopy = null;
    if (problem.kind === 'garbled-wal' && movedTo[0]) {
      // The checkpointed part is intact: continue from a copy of it; the originals stay set aside.
      fs.copyFileSync(movedTo[0], path);
      try {
        conn = await connectChecked(path);
        recoveredFromCheckpoint = true;
        problem.message += ` Continuing from the last checkpoint; the damaged files were kept as ${movedTo.join(' and ')}.`;
        problem.phrase = {
          code: 'historyGarbledWalContinued',
          params: { ...problem.phrase.params, files: movedTo.join('\n') },
        };
      } catch {
        fs.rmSync(path, { force: true });
      }
    }
    conn ??= await connectChecked(path);
  }

  // A DuckDB file that is not ours, or one whose contents fail on first read, is set aside too.
  let store: Initialised<S> | null = null;
  try {
    store = await initialise(conn, problems);
  } catch (e) {
    conn.writer.closeSync();
    conn.instance.closeSync();
    const problem: StoreProblem =
      e instanceof ForeignStoreError
        ? { kind: 'foreign-file', ...said('historyOtherDuckDb', { path }, e.message) }
        : (() => {
            const c = classifyOpenError(path, e);
            if (c instanceof HistoryLockedError) throw c;
            return (
              c ?? {
                kind: 'unreadable',
                ...said(
                  'historyUnreadable',
                  { path, detail: (e as Error).message.split('\n')[0] ?? '' },
                  `The history file "${path}" could not be read (${(e as Error).message.split('\n')[0]}).`,
                ),
              }
            );
          })();
    problems.push({ ...problem, movedTo: moveAside(path, stamp) });
    conn = await connectChecked(path);
    store = await initialise(conn, problems);
  }

  // Half a WAL opens silently: compare the commit counter with the one written after each commit.
  if (mark && mark.seq > store.seq && !problems.some((p) => p.kind !== 'garbled-wal')) {
    const lostSeconds =
      mark.lastTs !== null ? Math.max(0, (mark.lastTs - (store.lastTs ?? mark.lastTs)) / 1000) : 0;
    const lostCommits = mark.seq - store.seq;
    const garbled = problems.find((p) => p.kind === 'garbled-wal');
    const text = `the last ${Math.round(lostSeconds)} seconds of data before the crash were not recoverable (${lostCommits} commits lost)`;
    const lost = { seconds: Math.round(lostSeconds), commits: lostCommits };
    if (garbled) {
      garbled.lostSeconds = lostSeconds;
      garbled.lostCommits = lostCommits;
      garbled.message += ` ${text[0]?.toUpperCase()}${text.slice(1)}.`;
      garbled.phrase = {
        code: recoveredFromCheckpoint ? 'historyGarbledWalContinuedLost' : 'historyGarbledWalLost',
        params: { ...garbled.phrase.params, ...lost },
      };
    } else {
      problems.push({
        kind: 'wal-tail-lost',
        ...said(
          'historyWalTailLost',
          { path, ...lost },
          `The write-ahead log of "${path}" was cut short: ${text}.`,
        ),
        lostSeconds,
        lostCommits,
        ...(walCopy ? { movedTo: [walCopy] } : {}),
      });
      walCopy = null;
    }
  }
  if (walCopy) fs.rmSync(walCopy, { force: true });
  if (recoveredFromCheckpoint || problems.length > 0) await store.writer.run('CHECKPOINT');
  writeCommitMark(path, { seq: store.seq, lastTs: store.lastTs });
  return store.store;
}
