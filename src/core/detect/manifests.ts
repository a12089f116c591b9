// Dependencies declared in manifests: package.json, requirements*.txt (and any .txt under a requirements/ folder),
// pyproject.toml (PEP 621 and Poetry), Pipfile, pom.xml, build.gradle(.kts), go.mod, *.csproj (PackageReference and
// old-style Reference), Cargo.toml, composer.json (PHP), Gemfile and *.gemspec (Ruby) and mix.exs (Elixir).
// Each parser is line-based and forgiving: a manifest that does not parse yields what could be read, never an error.
import { baseName } from '../paths';

export type ManifestKind = 'npm' | 'requirements' | 'pyproject' | 'pipfile' | 'maven' | 'gradle' | 'gradle-catalog' | 'gomod' | 'csproj' | 'cargo' | 'composer' | 'gemfile' | 'mix';

export interface Dependency {
  /** Ecosystem-prefixed coordinate, as in the client catalogue: `npm:kafkajs`, `maven:g:a`, `go:path`, … */
  coordinate: string;
  /** Python extras (`celery[redis]`). */
  extras: string[];
  line: number;
}

export function manifestKind(fileName: string): ManifestKind | undefined {
  const base = baseName(fileName).toLowerCase();
  if (base === 'package.json') return 'npm';
  if (/^requirements.*\.(txt|in)$/.test(base)) return 'requirements';
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'pipfile') return 'pipfile';
  if (base === 'pom.xml') return 'maven';
  // Build scripts and script plugins (`dependencies.gradle`, `buildSrc/…/deps.gradle.kts`), and version catalogs.
  if (base.endsWith('.gradle') || base.endsWith('.gradle.kts')) return 'gradle';
  if (base.endsWith('.versions.toml')) return 'gradle-catalog';
  if (base === 'go.mod') return 'gomod';
  if (base.endsWith('.csproj') || base.endsWith('.fsproj')) return 'csproj';
  if (base === 'cargo.toml') return 'cargo';
  if (base === 'composer.json') return 'composer';
  if (base === 'gemfile' || base === 'gems.rb' || base.endsWith('.gemspec')) return 'gemfile';
  if (base === 'mix.exs') return 'mix';
  // `requirements/base.txt`, `requirements/extras/redis.txt`: every text file under a requirements folder.
  if ((base.endsWith('.txt') || base.endsWith('.in')) && /(^|[\\/])requirements[\\/]/i.test(fileName)) return 'requirements';
  return undefined;
}

export function parseManifest(kind: ManifestKind, text: string): Dependency[] {
  const lines = text.split(/\r\n|\r|\n/);
  switch (kind) {
    case 'npm':
      return jsonDependencies(lines, NPM_SECTIONS, 'npm');
    case 'composer':
      return jsonDependencies(lines, COMPOSER_SECTIONS, 'composer');
    case 'gemfile':
      return lines.flatMap((line, i) => {
        const gem = GEM.exec(line.replace(/(^|\s)#.*$/, ''));
        return gem ? [{ coordinate: `gem:${gem[1]!.toLowerCase()}`, extras: [], line: i + 1 }] : [];
      });
    case 'mix':
      // `{:amqp, "~> 4.1"}` in `deps` or `Mix.install`; names the catalogue does not know are dropped by the caller.
      return lines.flatMap((line, i) => [...line.replace(/(^|\s)#.*$/, '').matchAll(/\{\s*:([a-z][a-z0-9_]*)\s*,/g)]
        .map((match) => ({ coordinate: `hex:${match[1]!}`, extras: [], line: i + 1 })));
    case 'requirements':
      return lines.flatMap((line, i) => (pipCompiledTransitive(lines, i) ? [] : pythonRequirement(line.replace(/(^|\s)#.*$/, ''), i + 1)));
    case 'pyproject':
    case 'pipfile':
      return pythonToml(lines);
    case 'maven':
      return maven(lines);
    case 'gradle':
      return gradle(lines);
    case 'gradle-catalog':
      // `kafka-clients = { module = "org.apache.kafka:kafka-clients", … }` in TOML, whose comments start with `#`.
      return gradle(lines.map((line) => line.replace(/(^|\s)#.*$/, '')));
    case 'gomod':
      return gomod(lines);
    case 'csproj':
      return csproj(lines);
    case 'cargo':
      return cargo(lines);
  }
}

const pep503 = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/**
 * In a file pip-compile (or uv) wrote, each pin is followed by `# via …` comments naming what needs it: a pin needed
 * only by other packages (`amqp==5.3.1  # via kombu`, installed with Celery whatever its broker) is not the project's
 * choice, while one listed in an input file says `# via -r requirements.in`.
 */
function pipCompiledTransitive(lines: readonly string[], index: number): boolean {
  if (!/^[A-Za-z0-9]/.test(lines[index] ?? '')) return false;
  const via: string[] = [];
  const inline = /#\s*via\s+(.*)$/.exec(lines[index]!);
  if (inline) via.push(inline[1]!);
  for (let k = index + 1; k < lines.length && /^\s+#/.test(lines[k]!); k++) via.push(lines[k]!.replace(/^\s+#\s*(via\s*)?/, ''));
  if (!inline && !/^\s+#\s*via\b/.test(lines[index + 1] ?? '')) return false;
  return via.length > 0 && !via.some((v) => /(^|\s)-[rc]\s/.test(`${v} `) || /\.(in|txt)\b/.test(v));
}

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const COMPOSER_SECTIONS = ['require', 'require-dev'];
/** `gem "bunny", "~> 3.1"` in a Gemfile; `spec.add_dependency "bunny"` (runtime or development) in a gemspec. */
const GEM = /^\s*(?:gem|\w+\.add_(?:runtime_|development_)?dependency)\s*\(?\s*["']([^"']+)["']/;

/**
 * package.json and composer.json read as JSON; each dependency's line is where its name is written inside its
 * section. Composer package names are case-insensitive, so they are compared in lower case.
 */
function jsonDependencies(lines: readonly string[], sections: readonly string[], ecosystem: 'npm' | 'composer'): Dependency[] {
  const text = lines.join('\n');
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return ecosystem === 'npm' ? npmByLines(lines) : [];
  }
  if (!manifest || typeof manifest !== 'object') return [];
  const found: Dependency[] = [];
  for (const section of sections) {
    const dependencies = (manifest as Record<string, unknown>)[section];
    if (!dependencies || typeof dependencies !== 'object') continue;
    const sectionAt = text.search(new RegExp(`"${section}"\\s*:`));
    for (const name of Object.keys(dependencies)) {
      const at = text.indexOf(`"${name}"`, Math.max(0, sectionAt));
      const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
      found.push({ coordinate: `${ecosystem}:${ecosystem === 'composer' ? name.toLowerCase() : name}`, extras: [], line });
    }
  }
  return found;
}

/** A package.json that is not valid JSON (mid-edit): best effort, one entry per line. */
function npmByLines(lines: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  let section = false;
  let depth = 0;
  lines.forEach((line, i) => {
    if (/"(dependencies|devDependencies|peerDependencies|optionalDependencies)"\s*:\s*\{/.test(line)) {
      section = true;
      depth = 0;
    }
    if (section) {
      const entry = /^\s*"((?:@[^"/]+\/)?[^"@][^"]*)"\s*:\s*"/.exec(line);
      if (entry && depth === 1) found.push({ coordinate: `npm:${entry[1]}`, extras: [], line: i + 1 });
      for (const c of line) {
        if (c === '{') depth++;
        else if (c === '}') depth--;
      }
      if (depth <= 0 && line.includes('}')) section = false;
    }
  });
  return found;
}

/** One PEP 508 requirement (`name[extra1,extra2]>=1.0; marker`), or nothing for options, URLs and blanks. */
function pythonRequirement(text: string, line: number): Dependency[] {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[([^\]]*)\])?/.exec(text);
  if (!match || /^\s*-/.test(text)) return [];
  const extras = match[3] ? match[3].split(',').map((e) => e.trim().toLowerCase()).filter(Boolean) : [];
  return [{ coordinate: `pypi:${pep503(match[1]!)}`, extras, line }];
}

/** pyproject.toml (PEP 621 arrays, Poetry tables) and Pipfile ([packages] tables). */
function pythonToml(lines: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  let table = '';
  let inArray = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s#.*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      table = header[1]!.trim();
      inArray = false;
      return;
    }
    const dependencyTable = /^(tool\.poetry(\.group\.[^.]+)?\.(dev-)?dependencies|packages|dev-packages)$/.test(table);
    if (dependencyTable) {
      const key = /^\s*"?([A-Za-z0-9][A-Za-z0-9._-]*)"?\s*=\s*(.*)$/.exec(line);
      if (key && key[1]!.toLowerCase() !== 'python') {
        const extras = /extras\s*=\s*\[([^\]]*)\]/.exec(key[2]!)?.[1]?.split(',').map((e) => e.trim().replace(/['"]/g, '').toLowerCase()).filter(Boolean) ?? [];
        found.push({ coordinate: `pypi:${pep503(key[1]!)}`, extras, line: i + 1 });
      }
      return;
    }
    // PEP 621: dependencies = [ "…" ] in [project], and every array in [project.optional-dependencies].
    const opensArray = /^\s*(dependencies|[A-Za-z0-9_-]+)\s*=\s*\[/.test(line) && (table === 'project' && /^\s*dependencies\s*=/.test(line) || table === 'project.optional-dependencies' || table === 'dependency-groups');
    if (opensArray) inArray = true;
    if (inArray) {
      for (const string of line.matchAll(/"([^"]+)"|'([^']+)'/g)) found.push(...pythonRequirement(string[1] ?? string[2]!, i + 1));
      if (line.includes(']') && !/\[[^\]]*$/.test(line.slice(line.lastIndexOf(']')))) inArray = !/\]\s*,?\s*$/.test(line);
    }
  });
  return found;
}

/** The lines with XML comments (`<!-- … -->`, possibly over several lines) blanked out. */
function withoutXmlComments(lines: readonly string[]): string[] {
  let inComment = false;
  return lines.map((line) => {
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (inComment) {
        const end = line.indexOf('-->', i);
        if (end < 0) return out;
        inComment = false;
        i = end + 3;
      } else {
        const start = line.indexOf('<!--', i);
        if (start < 0) return out + line.slice(i);
        out += line.slice(i, start);
        inComment = true;
        i = start + 4;
      }
    }
    return out;
  });
}

function maven(raw: readonly string[]): Dependency[] {
  const lines = withoutXmlComments(raw);
  const found: Dependency[] = [];
  let group: string | undefined;
  let artifactLine = 0;
  let artifact: string | undefined;
  let inDependency = false;
  let inExclusions = false;
  lines.forEach((line, i) => {
    if (/<dependency>/.test(line)) {
      inDependency = true;
      group = artifact = undefined;
    }
    // An exclusion's groupId and artifactId name what is left out, not the dependency.
    if (/<exclusions>/.test(line)) inExclusions = true;
    if (inDependency && !inExclusions) {
      const g = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(line);
      if (g) group = g[1];
      const a = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(line);
      if (a) {
        artifact = a[1];
        artifactLine = i + 1;
      }
    }
    if (/<\/exclusions>/.test(line)) inExclusions = false;
    if (/<\/dependency>/.test(line) && inDependency) {
      inDependency = false;
      if (group && artifact) found.push({ coordinate: `maven:${group}:${artifact}`, extras: [], line: artifactLine });
    }
  });
  return found;
}

/** The lines of Groovy or Kotlin build code with `//` and `/* … *\/` comments blanked out (strings are kept). */
function withoutCComments(lines: readonly string[]): string[] {
  let inBlock = false;
  return lines.map((line) => {
    let out = '';
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (inBlock) {
        if (c === '*' && line[i + 1] === '/') {
          inBlock = false;
          i++;
        }
        continue;
      }
      if (quote) {
        if (c === '\\') {
          out += c + (line[i + 1] ?? '');
          i++;
          continue;
        }
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '/' && line[i + 1] === '/') {
        break;
      } else if (c === '/' && line[i + 1] === '*') {
        inBlock = true;
        i++;
        continue;
      }
      out += c;
    }
    return out;
  });
}

function gradle(raw: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  withoutCComments(raw).forEach((line, i) => {
    for (const m of line.matchAll(/["']([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(:[^"']*)?["']/g)) {
      found.push({ coordinate: `maven:${m[1]}:${m[2]}`, extras: [], line: i + 1 });
    }
    const map = /group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["']/.exec(line);
    if (map) found.push({ coordinate: `maven:${map[1]}:${map[2]}`, extras: [], line: i + 1 });
  });
  return found;
}

function gomod(lines: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  let block = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (/^require\s*\($/.test(line)) {
      block = true;
      return;
    }
    if (block && line === ')') {
      block = false;
      return;
    }
    const single = /^require\s+(\S+)\s+v\S+/.exec(line);
    const inBlock = block ? /^(\S+)\s+v\S+/.exec(line) : null;
    const path = single?.[1] ?? inBlock?.[1];
    if (path) found.push({ coordinate: `go:${path}`, extras: [], line: i + 1 });
  });
  return found;
}

function csproj(raw: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  withoutXmlComments(raw).forEach((line, i) => {
    for (const m of line.matchAll(/<(?:PackageReference|PackageVersion|Reference)\s+[^>]*Include\s*=\s*"([^",\s]+)/g)) {
      found.push({ coordinate: `nuget:${m[1]}`, extras: [], line: i + 1 });
    }
  });
  return found;
}

/**
 * Cargo.toml: `[dependencies]` tables (also dev-, build-, target-specific and `[workspace.dependencies]`), keys written
 * plainly or dotted (`rdkafka.workspace = true`), `[dependencies.name]` tables, and renames (`mq = { package = "lapin" }`):
 * the coordinate is the crate's package name.
 */
function cargo(lines: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  const tables = /^(?:target\..+\.|workspace\.)?(?:dev-|build-)?dependencies/;
  let table = '';
  let named: Dependency | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      table = header[1]!.trim();
      const name = new RegExp(`${tables.source}\\.([A-Za-z0-9_-]+)$`).exec(table)?.[1];
      named = name ? { coordinate: `cargo:${name}`, extras: [], line: i + 1 } : undefined;
      if (named) found.push(named);
      return;
    }
    const rename = /^\s*package\s*=\s*"([^"]+)"/.exec(line);
    if (named && rename) named.coordinate = `cargo:${rename[1]}`;
    if (!new RegExp(`${tables.source}$`).test(table)) return;
    const key = /^\s*([A-Za-z0-9_-]+)\s*(?:\.\s*[A-Za-z0-9_-]+\s*)*=(.*)$/.exec(line);
    if (!key) return;
    const name = /\bpackage\s*=\s*"([^"]+)"/.exec(key[2]!)?.[1] ?? key[1];
    found.push({ coordinate: `cargo:${name}`, extras: [], line: i + 1 });
  });
  return found;
}
