import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';
import { en } from './en';
import { ko } from './ko';
import { raKorean } from './ra-korean';

const LOCALE_KEY = 'console.locale';

const catalogues = {
  ko: mergeTranslations(englishMessages, raKorean, ko),
  en: mergeTranslations(englishMessages, en),
};

type Locale = keyof typeof catalogues;

function savedLocale(): Locale {
  const saved = window.localStorage.getItem(LOCALE_KEY);
  return saved === 'en' ? 'en' : 'ko';
}

const polyglot = polyglotI18nProvider(
  (locale) => catalogues[locale as Locale] ?? catalogues.ko,
  savedLocale(),
  [
    { locale: 'ko', name: '한국어' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);

/** Korean by default, English on request; the choice is remembered in this browser. */
export const i18nProvider = {
  ...polyglot,
  changeLocale(locale: string) {
    window.localStorage.setItem(LOCALE_KEY, locale);
    return polyglot.changeLocale(locale);
  },
};

/** For code outside React (the API client): the current language's text for a key. */
export function translateNow(key: string, options?: Record<string, unknown>): string {
  return i18nProvider.translate(key, options);
}

/** `ko-KR` or `en-GB`, for Intl formatting in the chosen language. */
export function intlLocale(): string {
  return i18nProvider.getLocale() === 'en' ? 'en-GB' : 'ko-KR';
}
