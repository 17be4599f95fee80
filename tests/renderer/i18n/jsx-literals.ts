import ts from 'typescript';

/** Attributes whose text a user reads (or hears from a screen reader). */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);

/**
 * Text a user reads may hold only these without going through i18n: unit symbols, key caps, marks, tag-like
 * ids. A literal is flagged when a word of two or more Latin letters or any CJK character remains after them.
 */
const ALLOWED = [
  /\b(?:m³\/h|bar\(g\)|°C|mm\/s|kW|rpm|Hz|fps|UTC|ML|Twinscape)\b/g,
  /\b(?:Ctrl|Cmd|Shift|Esc)\b/g,
];

export interface Literal {
  file: string;
  line: number;
  text: string;
}

const needsTranslation = (text: string): boolean => {
  let rest = text;
  for (const pattern of ALLOWED) rest = rest.replace(pattern, ' ');
  return /[A-Za-z]{2,}|[\u4e00-\u9fff]/.test(rest);
};

/** The user-visible string literals of one .tsx file: JSX text, read attributes, and literals shown from `{…}`. */
export function findLiterals(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    if (needsTranslation(text))
      found.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        text: text.trim(),
      });
  };
  /** Literals an expression shows as it is: through ?:, ??, ||, &&, + and template text, not through calls. */
  const shown = (expr: ts.Expression): void => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) report(expr, expr.text);
    else if (ts.isTemplateExpression(expr)) {
      report(expr, [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(' '));
      expr.templateSpans.forEach((s) => shown(s.expression));
    } else if (ts.isConditionalExpression(expr)) {
      shown(expr.whenTrue);
      shown(expr.whenFalse);
    } else if (ts.isBinaryExpression(expr)) {
      // `a ?? 'text'`, `a || 'text'`, `'text' + a` show their literals; `ok && 'text'` only its right side;
      // comparisons (`mode === 'tag'`) show none.
      const op = expr.operatorToken.kind;
      if (
        op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.PlusToken
      )
        shown(expr.left);
      if (
        op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.PlusToken ||
        op === ts.SyntaxKind.AmpersandAmpersandToken
      )
        shown(expr.right);
    } else if (ts.isParenthesizedExpression(expr)) shown(expr.expression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      shown(node.expression);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
        shown(node.initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
