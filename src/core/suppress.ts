// `mq-lens: ignore` directives. A comment `mq-lens: ignore` (every rule) or `mq-lens: ignore rule-a, rule-b` silences
// findings that start on its own line; when the comment stands alone on its line, also those on the next line.
import type { LineIndex } from './text';
import type { Comment, Finding, TextEdit } from './types';

const IGNORE = /\bmq-lens:\s*ignore\b([^\n]*)/;

export function suppressionFilter(comments: readonly Comment[], lines: LineIndex): (finding: Finding) => boolean {
  const byLine = new Map<number, Set<string> | 'all'>();
  const add = (line: number, rules: Set<string> | 'all') => {
    const previous = byLine.get(line);
    if (previous === 'all' || rules === 'all') byLine.set(line, 'all');
    else byLine.set(line, new Set([...(previous ?? []), ...rules]));
  };
  for (const comment of comments) {
    const match = IGNORE.exec(comment.text);
    if (!match) continue;
    const ids = match[1]!.split(/[\s,]+/).filter((id) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(id));
    const rules = ids.length > 0 ? new Set(ids) : 'all';
    const line = lines.positionAt(comment.span.start).line;
    add(line, rules);
    if (comment.ownLine) add(line + 1, rules);
  }
  return (finding) => {
    const rules = byLine.get(finding.line);
    return !(rules === 'all' || rules?.has(finding.ruleId));
  };
}

/** The edit that inserts `<comment> mq-lens: ignore <rule>` on its own line above the finding, with its indentation. */
export function ignoreLineEdit(text: string, finding: Finding, lineComment: '#' | '//', lines: LineIndex): TextEdit {
  const lineStart = lines.offsetAt({ line: finding.line, column: 1 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: lineStart, end: lineStart }, newText: `${indent}${lineComment} mq-lens: ignore ${finding.ruleId}${newline}` };
}
