// The work a CLI run does for one file: read it, then detect, or analyse it and collect its workspace facts. The
// outcome is plain data; main.ts puts the outcomes together in file order and judges what depends on the workspace.
import * as path from 'node:path';
import { analyzeText } from '../core/analyze';
import { bundledClientIndex, bundledKeyIndex } from '../core/bundledKnowledge';
import type { Profile } from '../core/knowledgeTypes';
import type { Finding, Setting } from '../core/types';
import { detectText } from '../core/detect/detect';
import type { Detection } from '../core/detect/types';
import { formatOf } from '../core/formats';
import { workspaceFactsOf, type WorkspaceFact } from '../core/workspace';
import { fileRole, type RoleGlobs } from '../core/context/role';
import type { NonProductionLevel } from '../core/rules/context';
import { readSource, type FoundFile, type Skipped } from './files';

export interface WorkOptions {
  command: 'check' | 'settings' | 'detect';
  cwd: string;
  maxBytes: number;
  profile: Profile;
  roleGlobs: RoleGlobs;
  nonProduction: NonProductionLevel;
}

export type FileOutcome =
  /** Not readable as text; `report` is false for a file read only for workspace facts (no file the user asked for). */
  | { kind: 'skipped'; skipped: Skipped; report: boolean }
  | { kind: 'detected'; detections: Detection[] }
  /** `facts` keyed by `file` (reported paths already use forward slashes: `reportPath`). */
  | { kind: 'analysed'; file: string; facts: WorkspaceFact[]; production: boolean; settings: Setting[]; findings: Finding[] };

export function processFile(found: FoundFile, options: WorkOptions): FileOutcome {
  const source = readSource(found, options.cwd, options.maxBytes);
  if ('reason' in source) return { kind: 'skipped', skipped: source, report: options.command === 'detect' || formatOf(found.absolute) !== undefined };
  const keys = bundledKeyIndex();
  if (options.command === 'detect') return { kind: 'detected', detections: detectText({ file: source.file, text: source.text, keys, clients: bundledClientIndex() }) };
  // Files under the walked folder start with its path; a file named on the command line may lie elsewhere.
  const inside = found.absolute.startsWith(found.root + path.sep);
  const relative = inside ? found.absolute.slice(found.root.length + 1) : path.relative(found.root, found.absolute);
  const where = { relative: path.sep === '/' ? relative : relative.split(path.sep).join('/'), rootName: path.basename(found.root) };
  const production = fileRole(where, options.roleGlobs).role === 'production';
  if (formatOf(source.file) === undefined) {
    return { kind: 'analysed', file: source.file, facts: workspaceFactsOf(source.file, source.text), production, settings: [], findings: [] };
  }
  const result = analyzeText({
    file: source.file, text: source.text, keys, clients: bundledClientIndex(), profile: options.profile, where,
    roleGlobs: options.roleGlobs, nonProduction: options.nonProduction, workspace: 'defer',
  });
  return { kind: 'analysed', file: source.file, facts: result.facts(), production, settings: result.settings, findings: result.findings };
}
