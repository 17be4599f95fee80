/** The shown asset's deployed normal-behaviour model and its latest verdicts (live and at the replay playhead). */
import { createStore } from 'zustand/vanilla';
import type { LocalText } from '../i18n/local-text';
import type { TagInfluence } from './prediction-store';

export interface NormalVerdictView {
  /** Time of the scored row, ms since epoch. */
  at: number;
  /** Largest deviation of any tag (z units) and whether the model's latch holds the alarm. */
  score: number;
  alarm: boolean;
  /** Tags driving the score, strongest first. */
  why: TagInfluence[];
}

export interface NormalModelState {
  /**
   * 'none': no version deployed; 'loading'; 'running'; 'refused': the deployed card does not fit the asset's
   * tags (message says which differs); 'error': it could not be read or loaded.
   */
  status: 'none' | 'loading' | 'running' | 'refused' | 'error';
  versionId: string | null;
  /** Why it is refused or failed, said in the language active when shown. */
  message: LocalText | null;
  threshold: number | null;
  /** Model tag ids, in the order rows are fed. */
  tagIds: string[];
  live: NormalVerdictView | null;
  replay: NormalVerdictView | null;
}

export const initialNormalModelState = (): NormalModelState => ({
  status: 'none',
  versionId: null,
  message: null,
  threshold: null,
  tagIds: [],
  live: null,
  replay: null,
});

export const normalModelStore = createStore<NormalModelState>(initialNormalModelState);
