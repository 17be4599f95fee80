import type { ResourceLanguage } from 'i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import type { Language } from './languages';

/** Every language's texts, namespace by namespace. */
export const resources: Record<Language, ResourceLanguage> = { en, 'zh-CN': zhCN };

export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];
