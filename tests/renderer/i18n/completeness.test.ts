// Every English key has a 简体中文 text, none empty, with the same placeholders, and no English left in it
// beyond product names, units and tag ids.
import { describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/src/i18n/resources';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../../renderer/src/i18n/languages';
import { flatten, placeholders } from './flatten';

/** Latin words a Chinese plant HMI keeps as they are: product and format names, units, key caps, protocols. */
const KEPT_IN_LATIN = new Set(
  [
    'Twinscape',
    'NASA',
    'C-MAPSS',
    'SKAB',
    'GLB',
    'JSON',
    'CSV',
    'Parquet',
    'ISO',
    'ML',
    'UTC',
    'fps',
    'ms',
    'MB',
    'Ctrl',
    'Cmd',
    'Esc',
    'Shift',
    'Space',
    'Home',
    'End',
    'MQTT',
    'OPC',
    'UA',
    'SHA-1',
    'Sparkplug',
    'RMS',
    'id',
    'DuckDB',
    'GPU',
    'WebGPU',
    'WebGL',
    'RUL',
    'KPI',
    'P50',
    'P2',
    'Ps30',
    'P-101',
    'MAE',
    'HTML',
    'ms',
    'bar',
    'kWh', // units of the what-if panel
    'ROC-AUC',
    'IndexedDB',
    'Hz',
    'F1',
    // Words of connection problems: protocols, a URL scheme and the asset file's CA field.
    'TLS',
    'CA',
    'ID',
    'mqtts',
    'caFile',
    // Words of live data problems: Sparkplug message types, an OPC UA NodeId and its example, time sync.
    'NBIRTH',
    'DBIRTH',
    'NDEATH',
    'DDEATH',
    'rebirth',
    'protobuf',
    'NodeId',
    'ns',
    'P101',
    'FT101',
    'NTP',
    'ISO-8601',
    'T12', // of the example ISO-8601 time, 2024-05-01T12:00:00Z
  ].map((w) => w.toLowerCase()),
);

const SOURCE = flatten(resources[SOURCE_LANGUAGE]);
/** "alarms_one" and "alarms_other" are one key, "alarms", in a language without that plural form. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe.each(LANGUAGES.filter((l) => l.code !== SOURCE_LANGUAGE))('$nativeName ($code)', ({ code }) => {
  const texts = flatten(resources[code]);

  it('has a text for every English key and no key English lacks', () => {
    const want = new Set([...SOURCE.keys()].map(baseKey));
    const have = new Set([...texts.keys()].map(baseKey));
    expect(
      [...want].filter((k) => !have.has(k)),
      'missing',
    ).toEqual([]);
    expect(
      [...have].filter((k) => !want.has(k)),
      'not in English',
    ).toEqual([]);
  });

  it('has no empty text', () => {
    expect([...texts].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('interpolates the same values as English', () => {
    const wrong = [...texts]
      .filter(([key, text]) => {
        const english = SOURCE.get(key) ?? SOURCE.get(`${baseKey(key)}_other`) ?? '';
        return placeholders(english).join() !== placeholders(text).join();
      })
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });

  it('leaves no English words, only product names, units and tag ids', () => {
    const english = [...texts]
      .map(([key, text]) => {
        const words = text
          .replace(/\{\{[^}]*\}\}/g, ' ')
          .match(/[A-Za-z][A-Za-z0-9-]+/g)
          ?.filter((w) => !KEPT_IN_LATIN.has(w.toLowerCase()));
        return words?.length ? `${key}: ${words.join(' ')}` : null;
      })
      .filter((line) => line !== null);
    expect(english).toEqual([]);
  });
});
