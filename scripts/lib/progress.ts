/** A one-line progress bar on stderr (redrawn in place on a TTY, one line per update otherwise). */
export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  /** Writes a permanent line (e.g. an epoch summary) above the bar. */
  log(line: string): void;
  done(): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr, width = 24): ProgressBar {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastLine = '';
  return {
    update(done, total, label) {
      const now = Date.now();
      if (!tty && now - lastDraw < 5000 && done < total) return;
      if (tty && now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(frac * width);
      lastLine = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label}`;
      stream.write(tty ? `\r\x1b[2K${lastLine}` : `${lastLine}\n`);
    },
    log(line) {
      stream.write(tty ? `\r\x1b[2K${line}\n${lastLine}` : `${line}\n`);
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
