import { Quality } from '../data/quality';

/** The last few values of one tag in time order, to know its held value at any recent time. */
export class TagHold {
  private readonly t: Float64Array;
  private readonly v: Float32Array;
  private readonly q: Uint8Array;
  private start = 0;
  private size = 0;

  constructor(private readonly capacity = 64) {
    this.t = new Float64Array(capacity);
    this.v = new Float32Array(capacity);
    this.q = new Uint8Array(capacity);
  }

  /** Adds a value at time `t`, keeping time order (a late value is slotted in among the recent ones). */
  add(t: number, value: number, quality: number): void {
    let at = this.size;
    while (at > 0 && this.timeAt(at - 1) > t) at--;
    if (this.size === this.capacity) {
      if (at === 0) return; // older than everything kept: nothing later depends on it
      this.start = (this.start + 1) % this.capacity;
      this.size--;
      at--;
    }
    for (let i = this.size; i > at; i--) this.copy(i - 1, i);
    const slot = (this.start + at) % this.capacity;
    this.t[slot] = t;
    this.v[slot] = value;
    this.q[slot] = quality;
    this.size++;
  }

  /** Value and quality held at time `t` (the newest at or before it); missing when none is known. */
  at(t: number): { value: number; quality: number } {
    for (let i = this.size - 1; i >= 0; i--) {
      if (this.timeAt(i) <= t) {
        const slot = (this.start + i) % this.capacity;
        return { value: this.v[slot]!, quality: this.q[slot]! };
      }
    }
    return { value: Number.NaN, quality: Quality.missing };
  }

  private timeAt(i: number): number {
    return this.t[(this.start + i) % this.capacity]!;
  }

  private copy(from: number, to: number): void {
    const a = (this.start + from) % this.capacity;
    const b = (this.start + to) % this.capacity;
    this.t[b] = this.t[a]!;
    this.v[b] = this.v[a]!;
    this.q[b] = this.q[a]!;
  }
}
