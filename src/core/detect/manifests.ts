// Dependencies declared in manifests: package.json, requirements*.txt, pyproject.toml (PEP 621 and Poetry), Pipfile,
// pom.xml, build.gradle(.kts), go.mod, *.csproj (PackageReference and old-style Reference) and Cargo.toml.
// Each parser is line-based and forgiving: a manifest that does not parse yields what could be read, never an error.
import { baseName } from '../paths';

export type ManifestKind = 'npm' | 'requirements' | 'pyproject' | 'pipfile' | 'maven' | 'gradle' | 'gomod' | 'csproj' | 'cargo';

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
  if (base === 'build.gradle' || base === 'build.gradle.kts') return 'gradle';
  if (base === 'go.mod') return 'gomod';
  if (base.endsWith('.csproj') || base.endsWith('.fsproj')) return 'csproj';
  if (base === 'cargo.toml') return 'cargo';
  return undefined;
}

export function parseManifest(kind: ManifestKind, text: string): Dependency[] {
  const lines = text.split(/\r\n|\r|\n/);
  switch (kind) {
    case 'npm':
      return npm(lines);
    case 'requirements':
      return lines.flatMap((line, i) => pythonRequirement(line.replace(/(^|\s)#.*$/, ''), i + 1));
    case 'pyproject':
    case 'pipfile':
      return pythonToml(lines);
    case 'maven':
      return maven(lines);
    case 'gradle':
      return gradle(lines);
    case 'gomod':
      return gomod(lines);
    case 'csproj':
      return csproj(lines);
    case 'cargo':
      return cargo(lines);
  }
}

const pep503 = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** package.json read as JSON; each dependency's line is where its name is written inside its section. */
function npm(lines: readonly string[]): Dependency[] {
  const text = lines.join('\n');
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return npmByLines(lines);
  }
  if (!manifest || typeof manifest !== 'object') return [];
  const found: Dependency[] = [];
  for (const section of NPM_SECTIONS) {
    const dependencies = (manifest as Record<string, unknown>)[section];
    if (!dependencies || typeof dependencies !== 'object') continue;
    const sectionAt = text.search(new RegExp(`"${section}"\\s*:`));
    for (const name of Object.keys(dependencies)) {
      const at = text.indexOf(`"${name}"`, Math.max(0, sectionAt));
      const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
      found.push({ coordinate: `npm:${name}`, extras: [], line });
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

function maven(lines: readonly string[]): Dependency[] {
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

function gradle(lines: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '');
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

function csproj(lines: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/<(?:PackageReference|PackageVersion|Reference)\s+[^>]*Include\s*=\s*"([^",\s]+)/g)) {
      found.push({ coordinate: `nuget:${m[1]}`, extras: [], line: i + 1 });
    }
  });
  return found;
}

function cargo(lines: readonly string[]): Dependency[] {
  const found: Dependency[] = [];
  let table = '';
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s#.*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      table = header[1]!.trim();
      const named = /^(?:target\..+\.)?(?:dev-|build-)?dependencies\.([A-Za-z0-9_-]+)$/.exec(table);
      if (named) found.push({ coordinate: `cargo:${named[1]}`, extras: [], line: i + 1 });
      return;
    }
    if (!/^(?:target\..+\.)?(?:dev-|build-)?dependencies$/.test(table)) return;
    const key = /^\s*([A-Za-z0-9_-]+)\s*=/.exec(line);
    if (key) found.push({ coordinate: `cargo:${key[1]}`, extras: [], line: i + 1 });
  });
  return found;
}
