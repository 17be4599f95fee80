import { createStore } from 'zustand/vanilla';
import type { ColorBy } from './view-store';

export interface CompareState {
  /** The 3D view is split: "do nothing" on the left, the plan on the right, at the preview time. */
  active: boolean;
  /** Coloring before compare switched it to a per-side state, restored on leaving. */
  restoreColorBy: ColorBy | null;
}

export const compareStore = createStore<CompareState>(() => ({ active: false, restoreColorBy: null }));
