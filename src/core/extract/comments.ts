// Finds `#` comments in YAML-like text without a full parse: a `#` at the start of a line or after a blank, outside
// single or double quotes, starts a comment that runs to the end of the line.
import type { Comment } from '../types';

export function hashComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let quote: string | undefined;
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text[i];
      if (quote) {
        // Inside single quotes '' is an escaped quote; inside double quotes a backslash escapes.
        if (quote === "'" && c === "'" && text[i + 1] === "'") i++;
        else if (c === quote && (quote === "'" || text[i - 1] !== '\\')) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") {
        // A quote inside a plain word (it's) does not open a quoted string.
        if (i === lineStart || /[\s:[{,-]/.test(text[i - 1]!)) quote = c;
        continue;
      }
      if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) {
        const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
        comments.push({ text: text.slice(i + 1, end), span: { start: i, end }, ownLine: text.slice(lineStart, i).trim() === '' });
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  return comments;
}
