/**
 * The normal-behaviour model registry on disk, per asset: one card per version and active.json naming the
 * deployed one (paths in core/ml/normal/registry-paths.ts, shared with the command-line trainer). Cards are
 * checked with parseNormalModelCard when written and when read; a file that fails is reported, not served.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { z, ZodError } from 'zod';
import {
  MAX_NORMAL_CARD_BYTES,
  MAX_NORMAL_VERSIONS,
  type NormalModelRegistry,
  type NormalModelVersion,
} from '../../../core/api/domains/normal-models';
import { parseNormalModelCard, type NormalModelCard } from '../../../core/ml/normal/card';
import {
  isNormalVersionId,
  normalActiveFile,
  normalModelDir,
  normalModelFile,
  normalVersionId,
} from '../../../core/ml/normal/registry-paths';
import { describeIssues } from '../../../core/validation/describe-issues';

const activeSchema = z.object({ id: z.string() }).strict();

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function readSmallJson(file: string): unknown {
  const bytes = statSync(file).size;
  if (bytes > MAX_NORMAL_CARD_BYTES)
    throw new Error(`${file}: ${bytes} bytes is over the ${MAX_NORMAL_CARD_BYTES}-byte limit`);
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
}

/** parseNormalModelCard with its schema issues as one line naming `source` and the fields at fault. */
function readCard(raw: unknown, source: string): NormalModelCard {
  try {
    return parseNormalModelCard(raw, source);
  } catch (e) {
    if (e instanceof ZodError) throw new Error(describeIssues(e, { prefix: source }));
    throw e;
  }
}

export class NormalRegistryStore {
  constructor(private readonly dataDir: string) {}

  /** Versions newest first, the deployed id (null when none or when it names no readable version), problems. */
  list(assetId: string): NormalModelRegistry {
    const dir = normalModelDir(this.dataDir, assetId);
    const problems: string[] = [];
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${dir}: ${(e as Error).message}`);
    }
    const ids = names
      .filter((n) => n.endsWith('.json') && isNormalVersionId(n.slice(0, -5)))
      .map((n) => n.slice(0, -5))
      .sort()
      .reverse()
      .slice(0, MAX_NORMAL_VERSIONS);
    const versions: NormalModelVersion[] = [];
    for (const id of ids) {
      const file = normalModelFile(this.dataDir, assetId, id);
      try {
        versions.push({ id, card: readCard(readSmallJson(file), file) });
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    const activeId = this.readActive(assetId, problems);
    const known = activeId !== null && versions.some((v) => v.id === activeId);
    if (activeId !== null && !known)
      problems.push(
        `${normalActiveFile(this.dataDir, assetId)}: deployed version "${activeId}" is not a readable version; none is deployed`,
      );
    return { assetId, versions, activeId: known ? activeId : null, problems };
  }

  /** Stores a checked card as a new version; refuses a card for another asset or an id already taken. */
  save(assetId: string, raw: unknown): string {
    const text = JSON.stringify(raw);
    if (text.length > MAX_NORMAL_CARD_BYTES)
      throw new Error(
        `normal-behaviour model card: ${text.length} bytes is over the ${MAX_NORMAL_CARD_BYTES}-byte limit`,
      );
    const card = readCard(raw, 'normal-behaviour model card');
    if (card.asset !== assetId)
      throw new Error(
        `normal-behaviour model card: it is for asset "${card.asset}", but the shown asset is "${assetId}"`,
      );
    const id = normalVersionId(card.createdAt);
    const file = normalModelFile(this.dataDir, assetId, id);
    mkdirSync(normalModelDir(this.dataDir, assetId), { recursive: true });
    try {
      statSync(file);
      throw new Error(`normal-behaviour model version ${id} already exists (${file})`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    writeAtomically(file, `${JSON.stringify(card, null, 2)}\n`);
    return id;
  }

  /** Names the deployed version (which must be stored and readable), or removes active.json for none. */
  deploy(assetId: string, id: string | null): void {
    const activeFile = normalActiveFile(this.dataDir, assetId);
    if (id === null) {
      rmSync(activeFile, { force: true });
      return;
    }
    const file = normalModelFile(this.dataDir, assetId, id);
    readCard(readSmallJson(file), file);
    writeAtomically(activeFile, `${JSON.stringify({ id })}\n`);
  }

  /** One stored version's card; throws naming the file when it cannot be read or checked. */
  read(assetId: string, id: string): NormalModelCard {
    const file = normalModelFile(this.dataDir, assetId, id);
    return readCard(readSmallJson(file), file);
  }

  /** The id active.json names (not checked against the stored versions), or null. */
  activeId(assetId: string): string | null {
    return this.readActive(assetId, []);
  }

  private readActive(assetId: string, problems: string[]): string | null {
    const file = normalActiveFile(this.dataDir, assetId);
    let raw: unknown;
    try {
      raw = readSmallJson(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push((e as Error).message);
      return null;
    }
    const parsed = activeSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(describeIssues(parsed.error, { prefix: file }));
      return null;
    }
    return parsed.data.id;
  }
}
