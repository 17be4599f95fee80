import fs from 'node:fs';
import nodePath from 'node:path';

/**
 * Which files the API may read and write. 'dialogs': any path (the desktop app's paths come from the main
 * process's open/save dialogs, which the user drove). 'exchange-only': only files inside the exchange folder
 * (web mode, where any page that reaches the socket could name a path).
 */
export type FileAccessPolicy = 'exchange-only' | 'dialogs';

/** The folder web mode reads imports from and writes exports to. */
export const exchangeFolderOf = (dataDir: string): string => nodePath.join(dataDir, 'exchange');

/** Refusal of a path by the file access policy; the message names the path and the folder. */
export class FileAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileAccessError';
  }
}

/** Confines the files the API touches to the exchange folder under 'exchange-only'; passes any path under 'dialogs'. */
export class FileAccess {
  readonly exchangeDir: string;

  constructor(
    readonly policy: FileAccessPolicy,
    dataDir: string,
  ) {
    this.exchangeDir = nodePath.resolve(exchangeFolderOf(dataDir));
  }

  /** Creates the exchange folder (at start-up) so the user has a place to put files. */
  ensureExchangeFolder(): void {
    fs.mkdirSync(this.exchangeDir, { recursive: true });
  }

  /** The folder relative paths resolve in and the dialog shows; null when any path is accepted. */
  get confinedTo(): string | null {
    return this.policy === 'exchange-only' ? this.exchangeDir : null;
  }

  /** An existing file to read, with symlinks resolved; refused when it lies outside the exchange folder. */
  readable(requested: string): string {
    const file = this.resolve(requested);
    if (this.policy === 'dialogs') return file;
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      throw new FileAccessError(
        `"${requested}" does not exist in the exchange folder ${this.exchangeDir}; put the file there.`,
      );
    }
    this.assertInside(requested, real);
    return real;
  }

  /**
   * A file to create: its folder must exist (and, under 'exchange-only', resolve inside the exchange folder);
   * a link at the path itself is refused, since writing would follow it.
   */
  writable(requested: string): string {
    const file = this.resolve(requested);
    if (this.policy === 'dialogs') return file;
    let folder: string;
    try {
      folder = fs.realpathSync(nodePath.dirname(file));
    } catch {
      throw new FileAccessError(
        `The folder of "${requested}" does not exist in the exchange folder ${this.exchangeDir}; export into that folder.`,
      );
    }
    const real = nodePath.join(folder, nodePath.basename(file));
    this.assertInside(requested, real);
    if (fs.lstatSync(real, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new FileAccessError(
        `"${requested}" is a link; exports write plain files in the exchange folder ${this.exchangeDir}.`,
      );
    return real;
  }

  /** Absolute path; under 'exchange-only' a relative one is taken inside the exchange folder and `..` is refused. */
  private resolve(requested: string): string {
    if (this.policy === 'dialogs') return nodePath.resolve(requested);
    if (requested.split(/[\\/]/).includes('..'))
      throw new FileAccessError(
        `"${requested}" contains "..", which is not allowed; name a file inside the exchange folder ${this.exchangeDir}.`,
      );
    return nodePath.resolve(this.exchangeDir, requested);
  }

  private assertInside(requested: string, real: string): void {
    const root = realOrSelf(this.exchangeDir);
    const rel = nodePath.relative(root, real);
    if (rel === '' || rel.startsWith('..') || nodePath.isAbsolute(rel))
      throw new FileAccessError(
        `"${requested}" is outside the exchange folder ${this.exchangeDir}; put the file there.`,
      );
  }
}

function realOrSelf(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}
