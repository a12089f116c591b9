// Analyses open documents with the core and caches one result per document version and profile, so that the
// diagnostics, hover and code-action providers share one parse of each edit.
import * as vscode from 'vscode';
import type { FullAnalysis } from '../core/analyze';
import type { Format } from '../core/formats';
import { PROFILES, type Profile } from '../core/knowledgeTypes';
import type { SeverityOverrides } from '../core/rules/evaluate';
import { FILE_ROLES, type FileRole, type RoleGlobs, type RolePath } from '../core/context/role';
import type { NonProductionLevel } from '../core/rules/context';
import { engine } from './lazyEngine';
import type { Setting } from '../core/types';
import type { WorkspaceFacts } from './workspaceFacts';

/** Schemes whose documents are views of other documents (diffs, output); analysing them would duplicate problems. */
const IGNORED_SCHEMES = new Set(['output', 'git', 'vscode-scm', 'comment', 'debug', 'vscode-notebook-cell-output']);

/** Formats of untitled editors, by language id. */
const UNTITLED_FORMATS: Readonly<Record<string, Format>> = { properties: 'properties', yaml: 'spring-yaml' };
const LEVELS = ['off', 'hint', 'info', 'warning', 'error'];
const NON_PRODUCTION_LEVELS: readonly NonProductionLevel[] = ['off', 'hint', 'info', 'unchanged'];

/** What decides a file's role and how findings outside production code are shown, for one resource. */
export interface RoleOptions {
  where: RolePath;
  roleGlobs: RoleGlobs;
  nonProduction: NonProductionLevel;
}

interface CacheEntry {
  version: number;
  /** The configuration the result was computed under: profile and severity overrides. */
  configuration: string;
  /** Every finding, those that depend on the workspace included (`workspace: 'defer'`). */
  raw: FullAnalysis;
  /** The result judged under the workspace facts of `factsVersion`. */
  result?: FullAnalysis;
  factsVersion?: number;
}

export class DocumentAnalyzer {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly log: vscode.LogOutputChannel, private readonly facts?: WorkspaceFacts) {}

  handles(document: vscode.TextDocument): boolean {
    return this.formatOf(document) !== undefined;
  }

  /** The format by file name; an untitled editor has no telling name, so its language decides. */
  private formatOf(document: vscode.TextDocument): Format | undefined {
    if (IGNORED_SCHEMES.has(document.uri.scheme) || this.excluded(document)) return undefined;
    const byName = engine().formatOf(document.uri.path);
    if (byName || document.uri.scheme !== 'untitled') return byName;
    return UNTITLED_FORMATS[document.languageId];
  }

  /** The workload profile configured for the document's folder (`mqLens.workload`). */
  configuredProfile(uri: vscode.Uri): Profile {
    const value = vscode.workspace.getConfiguration('mqLens', uri).get<string>('workload', 'general');
    return (PROFILES as readonly string[]).includes(value) ? (value as Profile) : 'general';
  }

  /** Per-rule severities from `mqLens.rules`; values other than the five levels are ignored. */
  overrides(document: vscode.TextDocument): SeverityOverrides {
    return this.overridesFor(document.uri);
  }

  overridesFor(uri: vscode.Uri): SeverityOverrides {
    const configured = vscode.workspace.getConfiguration('mqLens', uri).get<Record<string, unknown>>('rules', {});
    const overrides: Record<string, SeverityOverrides[string]> = {};
    for (const [ruleId, level] of Object.entries(configured ?? {})) {
      if (typeof level === 'string' && LEVELS.includes(level)) overrides[ruleId] = level as SeverityOverrides[string];
    }
    return overrides;
  }

  /**
   * Where a file lives in its workspace folder (the path and the folder's name decide its role), the user's role
   * globs (`mqLens.roles`) and how findings outside production code are shown (`mqLens.nonProductionSeverity`).
   */
  roleOptions(uri: vscode.Uri): RoleOptions {
    const configuration = vscode.workspace.getConfiguration('mqLens', uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const where: RolePath = { relative: vscode.workspace.asRelativePath(uri, false) };
    if (folder) where.rootName = folder.name;
    const roleGlobs: Record<string, FileRole> = {};
    for (const [glob, role] of Object.entries(configuration.get<Record<string, unknown>>('roles', {}) ?? {})) {
      if (typeof role === 'string' && (FILE_ROLES as readonly string[]).includes(role)) roleGlobs[glob] = role as FileRole;
    }
    const level = configuration.get<string>('nonProductionSeverity', 'hint');
    const nonProduction = (NON_PRODUCTION_LEVELS as readonly string[]).includes(level) ? (level as NonProductionLevel) : 'hint';
    return { where, roleGlobs, nonProduction };
  }

  private excluded(document: vscode.TextDocument): boolean {
    const patterns = vscode.workspace.getConfiguration('mqLens', document.uri).get<string[]>('exclude', []);
    return Array.isArray(patterns) && patterns.some((pattern) => typeof pattern === 'string' && vscode.languages.match({ pattern }, document) > 0);
  }

  /**
   * The document's analysis, with the findings that depend on the rest of the workspace judged under the facts the
   * scanner has read (held back until its first scan ends).
   */
  analyze(document: vscode.TextDocument): FullAnalysis | undefined {
    const entry = this.entry(document);
    if (!entry) return undefined;
    const version = this.facts?.version ?? 0;
    if (entry.result && entry.factsVersion === version) return entry.result;
    let result = entry.raw;
    if (entry.raw.settings.some((f) => f.workspace)) {
      const own = entry.raw.facts();
      // The open text's own facts count with the saved workspace's (the scanner reads files from disk); before the
      // first scan nothing that depends on the workspace holds.
      const index = this.facts ? this.facts.current() : undefined;
      const all = index ? new Set([...index.all(), ...own]) : this.facts ? undefined : new Set(own);
      const project = index ? new Set([...index.projectOf(document.uri.toString()), ...own]) : all;
      const holdsHere = (condition: Setting['workspace']) => engine().holds(condition, all, project);
      result = { ...entry.raw, findings: entry.raw.findings.filter((f) => holdsHere(f.workspace)), settings: entry.raw.settings.filter((s) => holdsHere(s.workspace)) };
    }
    entry.result = result;
    entry.factsVersion = version;
    return result;
  }

  /** Every finding of the document, those that depend on workspace facts included, unjudged. */
  analyzeUnsettled(document: vscode.TextDocument): FullAnalysis | undefined {
    return this.entry(document)?.raw;
  }

  private entry(document: vscode.TextDocument): CacheEntry | undefined {
    const format = this.formatOf(document);
    if (!format) return undefined;
    const key = document.uri.toString();
    const profile = this.configuredProfile(document.uri);
    const overrides = this.overrides(document);
    const roles = this.roleOptions(document.uri);
    const configuration = JSON.stringify([profile, overrides, roles]);
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.configuration === configuration) return cached;
    const file = document.uri.fsPath || document.uri.path;
    let raw: FullAnalysis;
    try {
      const { analyzeText, bundledClientIndex, bundledKeyIndex } = engine();
      raw = analyzeText({ file, text: document.getText(), keys: bundledKeyIndex(), clients: bundledClientIndex(), profile, format, overrides, ...roles, workspace: 'defer' });
    } catch (error) {
      // A bug in a parser must never take the extension down; report it and show nothing for this document.
      this.log.error(`Could not analyse ${document.uri.toString(true)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      const { analyzeText, bundledKeyIndex } = engine();
      raw = { ...analyzeText({ file, text: '', keys: bundledKeyIndex(), profile, format }), error: String(error) };
    }
    const entry: CacheEntry = { version: document.version, configuration, raw };
    this.cache.set(key, entry);
    return entry;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
