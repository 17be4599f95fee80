// One rule for every path a file names relative to itself (an asset's GLB and model folders, a model's
// weight shards): it must stay in or below that file's folder on every OS and after URL decoding, because
// the path ends up both on disk (path.resolve) and in a URL (new URL(path, base), which decodes %2e%2e).

/** Percent-decodes until nothing changes (at most 4 rounds), so "%252e%252e" is seen as ".."; null if malformed. */
function fullyDecoded(path: string): string | null {
  let current = path;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * Why `path` is not a plain relative path below its base folder, or null when it is. Refuses absolute
 * paths, drive letters, backslashes, URL schemes, control characters, "?" and "#", leading or trailing spaces, empty
 * segments, and "." or ".." segments, all also after percent-decoding.
 */
export function relativePathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty';
  const decoded = fullyDecoded(path);
  if (decoded === null) return 'has a malformed or too deeply nested percent-encoding';
  for (const form of decoded === path ? [path] : [path, decoded]) {
    const shown = form === path ? '' : ` (decoded: "${form}")`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(form)) return `contains a control character${shown}`;
    // The URL parser drops leading and trailing spaces: " C:x" would become the URL "c:x".
    if (form.trim() !== form) return `starts or ends with a space${shown}`;
    // In a URL "?" and "#" end the path, so "..?x" would be "..".
    if (/[?#]/.test(form)) return `contains "?" or "#", which end a path in a URL${shown}`;
    if (form.includes('\\')) return `contains a backslash; use "/" between folders${shown}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(form)) return `is a URL or drive path, not a relative path${shown}`;
    if (form.startsWith('/')) return `is an absolute path${shown}`;
    const segments = form.split('/');
    if (segments.includes('..')) return `leaves its folder with ".."${shown}`;
    if (segments.includes('.')) return `contains a "." segment${shown}`;
    if (segments.slice(0, -1).includes('')) return `contains an empty segment ("//")${shown}`;
  }
  return null;
}
