import { said, type Said } from '../../../core/text/phrase';

/** Weight of each new observation in the running offset. */
const ALPHA = 0.05;

/** Running estimate of how far a source's clock is from the host's (source minus host, ms). */
export class ClockSkew {
  offsetMs: number | null = null;

  note(sourceMinusArrivalMs: number): void {
    if (!Number.isFinite(sourceMinusArrivalMs)) return;
    this.offsetMs =
      this.offsetMs === null
        ? sourceMinusArrivalMs
        : this.offsetMs + ALPHA * (sourceMinusArrivalMs - this.offsetMs);
  }

  /** A sentence when the offset is beyond `warnS` seconds, else null. */
  warning(warnS: number): Said | null {
    if (this.offsetMs === null || Math.abs(this.offsetMs) <= warnS * 1000) return null;
    const s = Math.abs(this.offsetMs) / 1000;
    const amount = s >= 120 ? `${(s / 60).toFixed(0)} min` : `${s.toFixed(1)} s`;
    const ahead = this.offsetMs > 0;
    return said(
      ahead ? 'clockAhead' : 'clockBehind',
      { amount },
      `source clocks are ${amount} ${ahead ? 'ahead of' : 'behind'} this computer's; check NTP on the source or gateway`,
    );
  }
}
