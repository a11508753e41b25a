import { createI18n } from 'vue-i18n';
import { en, ko } from './locales/messages.ts';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageSchema = typeof ko;

const STORAGE_KEY = 'ecohub.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Korean unless the person chose English on this device. */
export function storedLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : 'ko';
  } catch {
    return 'ko';
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'ko',
    messages: { ko, en },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
