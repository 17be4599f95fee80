import { useTranslation } from 'react-i18next';
import { textIn, type LocalizedText } from '../../../../core/scenario/localized-text';
import { activeLanguage } from '../../i18n/i18n';

/** Picks a scenario text in the active language (English where the file has none); re-renders on a switch. */
export function useScenarioText(): (text: LocalizedText) => string {
  useTranslation();
  const language = activeLanguage();
  return (text) => textIn(text, language);
}
