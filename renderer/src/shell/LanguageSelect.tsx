import { useTranslation } from 'react-i18next';
import { activeLanguage, setLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGES } from '../i18n/languages';

/**
 * Web mode's language switch (the desktop app has View → Language); switches at once and is remembered. Short
 * names keep the toolbar within a 1280-pixel window; each option's tooltip has the full name.
 */
export function LanguageSelect() {
  const { t } = useTranslation('shell');
  return (
    <label className="toolbar-field" title={t('toolbar.language')}>
      <select
        data-testid="language-select"
        aria-label={t('toolbar.language')}
        value={activeLanguage()}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} title={l.nativeName}>
            {l.shortName}
          </option>
        ))}
      </select>
    </label>
  );
}
