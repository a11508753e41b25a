import { describe, expect, it } from 'vitest';
import { en, ko } from './messages.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

function lookup(messages: unknown, path: string): string {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
}

describe('locale files', () => {
  it('have exactly the same keys in Korean and English', () => {
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys(ko)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(ko, key)));
    }
  });

  it('have no empty message', () => {
    for (const key of [...keys(ko), ...keys(en)]) {
      expect(lookup(ko, key).trim().length, `ko ${key}`).toBeGreaterThan(0);
      expect(lookup(en, key).trim().length, `en ${key}`).toBeGreaterThan(0);
    }
  });

  it('keep English free of Hangul, except the names of languages', () => {
    const hangul = /[\u3131-\u318e\uac00-\ud7a3]/;
    const offenders = keys(en).filter((key) => !key.startsWith('settings.languageShort') && hangul.test(lookup(en, key)));
    expect(offenders).toEqual([]);
  });
});
