// A small glob matcher for the user's role globs (`**/it/**`, `src/samples/*.java`, `{demo,labs}/**`), so that the
// core can match paths without Node or VS Code. `**` spans directories, `*` and `?` stay inside one, `{a,b}` chooses.
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') source += '[^/]';
    else if (c === '{') { braces++; source += '(?:'; }
    else if (c === '}' && braces > 0) { braces--; source += ')'; }
    else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  while (braces-- > 0) source += ')';
  // A glob without a slash names a file or directory anywhere, as .gitignore and `files.exclude` read it.
  const anchored = glob.includes('/') ? `^${source}(?:/.*)?$` : `(?:^|/)${source}(?:/.*)?$`;
  let expression: RegExp;
  try {
    expression = new RegExp(anchored, 'i');
  } catch {
    expression = /(?!)/;
  }
  cache.set(glob, expression);
  return expression;
}
