export {
  isLanguage,
  LANGUAGES,
  pickLanguage,
  SOURCE_LANGUAGE,
  type Language,
} from '../../../core/api/languages';
