import { i18n } from '../../i18n/i18n';
import { models } from '../../i18n/locales/en/models';

type KnownStep = keyof typeof models.normal.step;

const isKnownStep = (step: string): step is KnownStep => Object.hasOwn(models.normal.step, step);

/** The Learn-normal progress step ("fitted the final model") as a line in the active language. */
export function normalStepText(step: string): string {
  return isKnownStep(step)
    ? i18n.t(`models:normal.step.${step}`)
    : `${step.charAt(0).toUpperCase()}${step.slice(1)}…`;
}
