import { i18n } from './i18n';

/** The backend names its simulator in English ("Pump-skid simulator (seed 1)"); other sources are shown as sent. */
export function dataSourceText(source: string): string {
  const seed = /^Pump-skid simulator \(seed (\d+)\)$/.exec(source)?.[1];
  return seed === undefined ? source : i18n.t('shell:status.pumpSimulator', { seed });
}
