// Arbitraries that break valid documents: a few edits at random depths (drop a field, replace a value with
// random JSON or a hostile value, add an unknown field). These find far more than random JSON, which a
// parser rejects at the root.
import fc from 'fast-check';

type Json = unknown;

/** Values that have broken parsers before: wrong types, extremes, hostile paths, long strings. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(
    null,
    -1,
    0,
    -0,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53 + 2,
    '',
    ' ',
    '../x',
    '%2e%2e/x',
    'C:\\x',
    '/etc/passwd',
    '__proto__',
    'constructor',
    [],
    {},
    true,
  ),
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(10_000)),
);

export const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 });

export interface Edit {
  /** Child choices, one per level, taken modulo the number of children. */
  route: number[];
  kind: 'drop' | 'replace' | 'hostile' | 'add';
  value: Json;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  route: fc.array(fc.nat(), { maxLength: 8 }),
  kind: fc.constantFrom('drop', 'replace', 'hostile', 'add'),
  value: fc.oneof(anyJson, hostileValue),
});

const isContainer = (v: Json): v is Record<string, Json> | Json[] => typeof v === 'object' && v !== null;

/** Applies one edit in place, walking `route` down from `root` (which must be a container). */
export function applyEdit(root: Record<string, Json> | Json[], e: Edit): void {
  let parent: Record<string, Json> | Json[] = root;
  let key: string | number | null = null;
  for (const [level, choice] of e.route.entries()) {
    const keys: (string | number)[] = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
    if (keys.length === 0) break;
    const next: string | number = keys[choice % keys.length]!;
    const child: Json = (parent as Record<string, Json>)[next];
    if (isContainer(child) && level < e.route.length - 1) parent = child;
    else {
      key = next;
      break;
    }
  }
  if (e.kind === 'add' || key === null) {
    if (Array.isArray(parent)) parent.push(e.value);
    else parent[`extra${e.route.length}`] = e.value;
  } else if (e.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else (parent as Record<string, Json>)[key] = e.value;
}

/** Copies of `valid` with one to four edits. */
export function mutatedDocument(valid: Record<string, Json>): fc.Arbitrary<Record<string, Json>> {
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    const doc = structuredClone(valid);
    for (const e of edits) applyEdit(doc, e);
    return doc;
  });
}

/** True when `path` names the document itself or a field under one of `keys` ("tags[1].id" under "tags"). */
export function pathUnder(path: string, keys: Iterable<string>): boolean {
  if (path === '(root)') return true;
  for (const k of keys) if (path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`)) return true;
  return false;
}
