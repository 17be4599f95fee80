/**
 * Files sent to the backend in chunks: the WebSocket takes at most 8 MiB per message, so a large C-MAPSS
 * file or GLB model arrives as begin → chunk(0), chunk(1)… in order under an upload id → a final call that
 * takes the joined whole. Open uploads are bounded in number and size, and one left idle is freed.
 */

/** What one kind of chunked upload accepts, and the words its errors use. */
export interface UploadLimits {
  /** Names the upload in errors, e.g. "C-MAPSS import". */
  what: string;
  /** Upload ids start with this, e.g. "cmapss". */
  idPrefix: string;
  /** Unit of sizes, e.g. "characters" or "bytes". */
  unit: string;
  /** Tells the user how to start over, e.g. "import the file again". */
  retry: string;
  /** Largest whole, in units. */
  maxTotal: number;
  /** Largest chunk, in units. */
  chunkSize: number;
  /** Uploads open at once; a new one beyond this evicts the least recently used. */
  maxOpen: number;
  /** An upload with no chunk for this many milliseconds is freed. */
  idleMs: number;
}

export interface UploadStart {
  fileName: string;
  /** Units the sender will send in all. */
  size: number;
}

/** A part of a file: a string of characters or an array of bytes. */
export interface UploadPart {
  readonly length: number;
}

interface OpenUpload<Part, Meta> extends UploadStart {
  meta: Meta;
  parts: Part[];
  received: number;
  touched: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

export interface UploadClock {
  now(): number;
  /** Frees idle uploads when it fires; the default is setTimeout, not keeping the process alive. */
  setTimer(run: () => void, ms: number): ReturnType<typeof setTimeout> | null;
  clearTimer(timer: ReturnType<typeof setTimeout>): void;
}

const megabytes = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export const realClock: UploadClock = {
  now: () => Date.now(),
  setTimer: (run, ms) => {
    const timer = setTimeout(run, ms);
    (timer as { unref?: () => void }).unref?.();
    return timer;
  },
  clearTimer: (timer) => clearTimeout(timer),
};

/** Open chunked uploads of one kind, keyed by id; `meta` travels with an upload to the final call. */
export class ChunkedUploads<Part extends UploadPart, Whole, Meta> {
  private readonly open = new Map<string, OpenUpload<Part, Meta>>();
  private next = 1;

  constructor(
    readonly limits: UploadLimits,
    private readonly join: (parts: Part[]) => Whole,
    private readonly clock: UploadClock = realClock,
  ) {}

  begin(start: UploadStart, meta: Meta): string {
    const { maxTotal, unit, maxOpen } = this.limits;
    if (!Number.isInteger(start.size) || start.size < 0)
      throw new Error(`${start.fileName}: size must be a whole number of ${unit}, got ${start.size}`);
    if (start.size > maxTotal)
      throw new Error(
        `${start.fileName} is ${megabytes(start.size)}: files up to ${maxTotal / 1e6} MB are accepted`,
      );
    this.dropIdle();
    while (this.open.size >= maxOpen) {
      const oldest = [...this.open].sort((a, b) => a[1].touched - b[1].touched)[0]!;
      this.drop(oldest[0]);
    }
    const id = `${this.limits.idPrefix}-${this.next++}`;
    const upload: OpenUpload<Part, Meta> = {
      ...start,
      meta,
      parts: [],
      received: 0,
      touched: 0,
      idleTimer: null,
    };
    this.open.set(id, upload);
    this.touch(id, upload);
    return id;
  }

  /** Adds chunk `index` (0-based, in order); returns the units received so far. */
  chunk(id: string, index: number, part: Part): number {
    const upload = this.get(id);
    const { chunkSize, unit, what } = this.limits;
    if (index !== upload.parts.length)
      throw new Error(`${upload.fileName}: chunk ${index} arrived, expected chunk ${upload.parts.length}`);
    if (part.length > chunkSize)
      throw new Error(
        `${upload.fileName}: chunk ${index} holds ${part.length} ${unit}, at most ${chunkSize}`,
      );
    if (upload.received + part.length > upload.size) {
      this.drop(id);
      throw new Error(
        `${upload.fileName}: more than the declared ${upload.size} ${unit} arrived; ${what} dropped`,
      );
    }
    upload.parts.push(part);
    upload.received += part.length;
    this.touch(id, upload);
    return upload.received;
  }

  /** Ends the upload and returns the joined whole; fails (and drops it) when units are missing. */
  commit(id: string): { fileName: string; data: Whole; meta: Meta } {
    const upload = this.get(id);
    this.drop(id);
    if (upload.received !== upload.size)
      throw new Error(
        `${upload.fileName}: ${upload.received} of ${upload.size} ${this.limits.unit} arrived; ${this.limits.what} dropped`,
      );
    return { fileName: upload.fileName, data: this.join(upload.parts), meta: upload.meta };
  }

  abort(id: string): void {
    this.drop(id);
  }

  /** Frees every open upload and its timer (backend shutdown). */
  dispose(): void {
    for (const id of [...this.open.keys()]) this.drop(id);
  }

  get size(): number {
    return this.open.size;
  }

  private get(id: string): OpenUpload<Part, Meta> {
    this.dropIdle();
    const upload = this.open.get(id);
    if (!upload)
      throw new Error(
        `no open ${this.limits.what} "${id}" (it ended, failed or sat idle too long): ${this.limits.retry}`,
      );
    return upload;
  }

  private touch(id: string, upload: OpenUpload<Part, Meta>): void {
    upload.touched = this.clock.now();
    if (upload.idleTimer) this.clock.clearTimer(upload.idleTimer);
    upload.idleTimer = this.clock.setTimer(() => this.drop(id), this.limits.idleMs);
  }

  private drop(id: string): void {
    const upload = this.open.get(id);
    if (upload?.idleTimer) this.clock.clearTimer(upload.idleTimer);
    this.open.delete(id);
  }

  private dropIdle(): void {
    const t = this.clock.now();
    for (const [id, upload] of this.open) if (t - upload.touched > this.limits.idleMs) this.drop(id);
  }
}
