// Zod issues turned into text, in one place: a one-line summary for thrown errors and error results,
// and a list of problems with JSON paths for file validators that show each field at fault.
import type { z } from 'zod';

/** One problem in a document, with the JSON path of the field at fault ("tags[1].id"). */
export interface IssueProblem {
  path: string;
  message: string;
}

export interface DescribeIssuesOptions {
  /** Written before the issues as `${prefix}: `, e.g. the file the document came from. */
  prefix?: string;
  /** Path shown for an issue about the whole input; "(root)" unless the caller names it. */
  rootLabel?: string;
}

/** "path: message; path: message", paths joined with dots ("targets.0.tagId"). */
export function describeIssues(error: z.ZodError, options: DescribeIssuesOptions = {}): string {
  const rootLabel = options.rootLabel ?? '(root)';
  const text = error.issues
    .map((issue) => `${issue.path.join('.') || rootLabel}: ${issue.message}`)
    .join('; ');
  return options.prefix === undefined ? text : `${options.prefix}: ${text}`;
}

/** JSON path of a field: "tags[1].id", or "(root)" for the document itself. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

/** One problem per issue, each with its JSON path. */
export function issueProblems(error: z.ZodError): IssueProblem[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}
