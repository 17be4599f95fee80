import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { isLanguage, pickLanguage, type Language } from '../../core/api/languages';

const languageFileSchema = z.object({ schemaVersion: z.literal(1), language: z.string().refine(isLanguage) });

/** The language chosen in View → Language earlier, else the system's (`app.getLocale()`, e.g. "zh-CN"). */
export function loadLanguage(file: string, systemLocale: string): Language {
  try {
    const parsed = languageFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success && isLanguage(parsed.data.language)) return parsed.data.language;
  } catch {
    // No choice saved yet (or an unreadable file): the system's language.
  }
  return pickLanguage([systemLocale]);
}

export async function saveLanguage(file: string, language: Language): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ schemaVersion: 1, language }, null, 2));
  } catch (e) {
    console.warn(`Could not save the language to ${file}: ${(e as Error).message}`);
  }
}
