import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues, formatIssuePath, issueProblems } from '../../../core/validation/describe-issues';

const schema = z.object({ name: z.string(), tags: z.array(z.object({ id: z.string().min(1) })) }).strict();

function errorOf(value: unknown): z.ZodError {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected the value to be refused');
  return r.error;
}

describe('describeIssues', () => {
  it('joins the issues on one line with dotted paths', () => {
    const error = errorOf({ name: 1, tags: [{ id: '' }] });
    expect(describeIssues(error)).toMatch(/^name: .+; tags\.0\.id: .+$/);
  });

  it('names the root as the caller asks and puts the prefix first', () => {
    const error = errorOf('not an object');
    expect(describeIssues(error, { prefix: 'model-card.json' })).toMatch(/^model-card\.json: \(root\): /);
    expect(describeIssues(error, { rootLabel: '(request)' })).toMatch(/^\(request\): /);
  });
});

describe('issueProblems', () => {
  it('gives one problem per issue with its JSON path', () => {
    const problems = issueProblems(errorOf({ name: 'a', tags: [{ id: 'x' }, { id: '' }] }));
    expect(problems.map((p) => p.path)).toEqual(['tags[1].id']);
  });

  it('formats paths as JSON paths', () => {
    expect(formatIssuePath(['timeline', 3, 'choices', 0])).toBe('timeline[3].choices[0]');
    expect(formatIssuePath([])).toBe('(root)');
  });
});
