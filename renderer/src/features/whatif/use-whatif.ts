import { useStore } from 'zustand';
import { whatIfStore, type WhatIfState } from './whatif-store';

export const useWhatIf = <T>(selector: (s: WhatIfState) => T): T => useStore(whatIfStore, selector);
