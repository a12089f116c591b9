// A cheap, generous first look at what a source file imports, with one regular expression per language. It may
// report imports that are commented out or inside strings (the tokenizer decides later); it must never miss a real
// one, because a file it clears is not tokenized at all.
import type { Language } from './lexer';

const PATTERNS: Record<Language, RegExp[]> = {
  javascript: [/\bfrom\s*['"]([^'"\n]+)['"]/g, /\brequire\s*\(\s*['"]([^'"\n]+)['"]/g, /\bimport\s*\(\s*['"]([^'"\n]+)['"]/g, /\bimport\s*['"]([^'"\n]+)['"]/g],
  python: [/^[ \t]*import[ \t]+([\w.]+)/gm, /^[ \t]*from[ \t]+([\w.]+)[ \t]+import/gm, /^[ \t]*import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*([\w.]+)/gm],
  java: [/^[ \t]*import[ \t]+(?:static[ \t]+)?([\w.]+)/gm],
  kotlin: [/^[ \t]*import[ \t]+([\w.]+)/gm],
  scala: [/^[ \t]*import[ \t]+([\w.]+)/gm],
  go: [/"([\w.-]+\.[\w]+\/[^"\n]+)"/g],
  csharp: [/\busing[ \t]+(?:static[ \t]+)?(?:\w+[ \t]*=[ \t]*)?([\w.]+)[ \t]*;/g, /^[ \t]*namespace[ \t]+([\w.]+)/gm],
  rust: [/\buse[ \t]+(\w+)/g, /\bextern[ \t]+crate[ \t]+(\w+)/g],
};

export function quickImports(text: string, language: Language): string[] {
  const found: string[] = [];
  for (const pattern of PATTERNS[language]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push(match[1]!);
  }
  return found;
}
