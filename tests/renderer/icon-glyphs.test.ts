import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Media-control and arrow-to-bar characters many system fonts lack (they show as empty boxes, issue #17):
 * Miscellaneous Technical (⏭ ⏯ ⏹ …), arrows to a bar (⇤ ⇥), heavy bars (❘ ❚) and circle arrows (⟲ ⟳).
 */
const MISSING_IN_FONTS = /[\u2300-\u23ff\u21e4\u21e5\u2758-\u275a\u27f2\u27f3]/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('icons ship with the app (issue #17, problem 10)', () => {
  it('draws transport controls as inline SVG, never as font glyphs that may be missing', () => {
    const offenders = sourceFiles('renderer/src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        // Comments may name the characters; what renders may not.
        .flatMap((line, i) =>
          MISSING_IN_FONTS.test(line) && !/^\s*(\/\/|\/\*|\*)/.test(line)
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
