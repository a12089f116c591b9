// What a CLI walk leaves out besides .git and node_modules: the user's `--exclude` globs, and the files the
// repository's .gitignore files ignore (and .git/info/exclude), read the way git reads them, unless `--no-ignore`.
// Patterns are matched against each entry as the walk meets it; an ignored directory is not entered, so nothing
// below it can be re-included (git behaves the same way).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../core/context/glob';

interface Rule {
  /** Matched against the path relative to the rule file's folder, with `/` separators. */
  pattern: RegExp;
  negate: boolean;
  directoryOnly: boolean;
}

interface RuleSet {
  /** The folder the rules are relative to (absolute, no trailing separator). */
  base: string;
  rules: Rule[];
}

/** The rules of one .gitignore file, in order (the last rule that matches an entry decides). */
export function parseGitignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // Trailing spaces are dropped unless escaped with a backslash.
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    let directoryOnly = false;
    if (line.endsWith('/') && !line.endsWith('\\/')) {
      directoryOnly = true;
      line = line.slice(0, -1);
    }
    if (line === '') continue;
    // A slash at the start or in the middle anchors the pattern to the file's folder; otherwise it names an entry at
    // any depth.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const source = gitignoreSource(line);
    if (source === undefined) continue;
    try {
      rules.push({ pattern: new RegExp(anchored ? `^${source}$` : `(?:^|/)${source}$`), negate, directoryOnly });
    } catch {
      // A pattern git would read differently than any regular expression we can build: left out.
    }
  }
  return rules;
}

/** A gitignore pattern as a regular expression source: `*`, `?`, `[…]`, `**` in its three positions, `\` escapes. */
function gitignoreSource(pattern: string): string | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return undefined;
      out += escape(next);
      i++;
    } else if (c === '*') {
      if (pattern[i + 1] === '*' && (i === 0 || pattern[i - 1] === '/') && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
        // `**/x` (any folders, or none), `x/**` (everything inside), `a/**/b` (zero or more folders between).
        if (i + 2 === pattern.length) out += '.*';
        else out += '(?:.*/)?';
        i += 2;
      } else {
        out += '[^/]*';
        while (pattern[i + 1] === '*') i++;
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/\[/g, '\\[')}]`;
      i = close;
    } else {
      out += escape(c);
    }
  }
  return out;
}

/** `absolute`'s path below the folder `base` (which it starts with), with `/` separators. */
const below = (base: string, absolute: string) => absolute.slice(base.length + 1).split(path.sep).join('/');

const escape = (c: string) => c.replace(/[.+^$(){}|[\]\\/*?]/g, '\\$&');

/** Reads a rule file, or none when it cannot be read. */
function ruleSet(base: string, file: string): RuleSet | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const rules = parseGitignore(text);
  return rules.length > 0 ? { base, rules } : undefined;
}

export interface IgnoreOptions {
  /** `--exclude` globs, relative to the folder walked (`**` spans folders; a glob without `/` names an entry anywhere). */
  exclude: readonly string[];
  /** Read .gitignore files (and .git/info/exclude); false with `--no-ignore`. */
  gitignore: boolean;
}

/**
 * What a walk from one root leaves out. `enter(dir, names)` with a folder's entries before going through them (it
 * may hold a .gitignore: known from the listing, so folders without one cost nothing), `leave()` after;
 * `ignored(absolute, isDirectory)` for each entry.
 */
export class WalkIgnore {
  private readonly sets: RuleSet[] = [];
  /** How many sets each entered folder added, to drop them on leaving. */
  private readonly added: number[] = [];
  private readonly excludes: RegExp[];

  constructor(private readonly root: string, private readonly options: IgnoreOptions) {
    this.excludes = options.exclude.map((glob) => globToRegExp(glob.replace(/^\.\//, '').replace(/\/+$/, '')));
    if (!options.gitignore || fs.existsSync(path.join(root, '.git'))) return;
    // Rules of the folders above the root, up to the repository's top (the folder that holds .git), as git reads them
    // when a subfolder is searched. Outside a repository, only the root's own and those below it count.
    const above: string[] = [];
    for (let dir = path.dirname(root), child = root; dir !== child; child = dir, dir = path.dirname(dir)) {
      above.unshift(dir);
      if (fs.existsSync(path.join(dir, '.git'))) {
        for (const folder of above) this.read(folder);
        return;
      }
    }
  }

  private read(dir: string, files: readonly string[] = ['.git/info/exclude', '.gitignore']): number {
    let count = 0;
    for (const file of files) {
      const set = ruleSet(dir, path.join(dir, file));
      if (set) {
        this.sets.push(set);
        count++;
      }
    }
    return count;
  }

  enter(dir: string, entries: readonly fs.Dirent[]): void {
    if (!this.options.gitignore) {
      this.added.push(0);
      return;
    }
    const files: string[] = [];
    if (entries.some((e) => e.name === '.git' && e.isDirectory())) files.push('.git/info/exclude');
    if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) files.push('.gitignore');
    this.added.push(files.length > 0 ? this.read(dir, files) : 0);
  }

  leave(): void {
    const count = this.added.pop() ?? 0;
    this.sets.length -= count;
  }

  ignored(absolute: string, isDirectory: boolean): boolean {
    if (this.excludes.length > 0 && absolute.startsWith(this.root + path.sep)) {
      const relative = below(this.root, absolute);
      if (this.excludes.some((e) => e.test(relative))) return true;
    }
    let ignored = false;
    for (const set of this.sets) {
      if (!absolute.startsWith(set.base + path.sep)) continue;
      const relative = below(set.base, absolute);
      for (const rule of set.rules) {
        if (rule.directoryOnly && !isDirectory) continue;
        if (rule.pattern.test(relative)) ignored = !rule.negate;
      }
    }
    return ignored;
  }
}
