import { useStore } from 'zustand';
import { qualityStore } from '../../state/quality-store';
import { activeStep, qualitySettings, type QualitySettings } from './quality-steps';

/** The quality settings in force (re-renders only when the step changes). */
export function useQualitySettings(): QualitySettings {
  const step = useStore(qualityStore, activeStep);
  return qualitySettings(step);
}
