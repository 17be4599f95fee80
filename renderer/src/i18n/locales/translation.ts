/**
 * What a translation of an English namespace must hold: the same keys with string values, so a missing key
 * fails typecheck. Singular plural forms (`_one`) may be left out: languages such as Chinese have only `_other`.
 */
export type Translation<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & {
  [K in keyof T as K extends `${string}_one` ? K : never]?: string;
};
