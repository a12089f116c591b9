// Analyses open documents with the core and caches one result per document version and profile, so that the
// diagnostics, hover and code-action providers share one parse of each edit.
import * as vscode from 'vscode';
import { analyzeText } from '../core/analyze';
import { bundledKeyIndex } from '../core/bundledKnowledge';
import { formatOf, type Format } from '../core/formats';
import { PROFILES, type Profile } from '../core/knowledgeTypes';
import type { AnalysisResult } from '../core/types';

/** Schemes whose documents are views of other documents (diffs, output); analysing them would duplicate problems. */
const IGNORED_SCHEMES = new Set(['output', 'git', 'vscode-scm', 'comment', 'debug', 'vscode-notebook-cell-output']);

/** Formats of untitled editors, by language id. */
const UNTITLED_FORMATS: Readonly<Record<string, Format>> = { properties: 'properties' };

interface CacheEntry {
  version: number;
  profile: Profile;
  result: AnalysisResult;
}

export class DocumentAnalyzer {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  handles(document: vscode.TextDocument): boolean {
    return this.formatOf(document) !== undefined;
  }

  /** The format by file name; an untitled editor has no telling name, so its language decides. */
  private formatOf(document: vscode.TextDocument): Format | undefined {
    if (IGNORED_SCHEMES.has(document.uri.scheme)) return undefined;
    const byName = formatOf(document.uri.path);
    if (byName || document.uri.scheme !== 'untitled') return byName;
    return UNTITLED_FORMATS[document.languageId];
  }

  /** The workload profile configured for the document's folder (`mqLens.workload`). */
  configuredProfile(document: vscode.TextDocument): Profile {
    const value = vscode.workspace.getConfiguration('mqLens', document.uri).get<string>('workload', 'general');
    return (PROFILES as readonly string[]).includes(value) ? (value as Profile) : 'general';
  }

  analyze(document: vscode.TextDocument): AnalysisResult | undefined {
    const format = this.formatOf(document);
    if (!format) return undefined;
    const key = document.uri.toString();
    const profile = this.configuredProfile(document);
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.profile === profile) return cached.result;
    let result: AnalysisResult;
    try {
      result = analyzeText({ file: document.uri.fsPath || document.uri.path, text: document.getText(), keys: bundledKeyIndex(), profile, format });
    } catch (error) {
      // A bug in a parser must never take the extension down; report it and show nothing for this document.
      this.log.error(`Could not analyse ${document.uri.toString(true)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      result = { settings: [], findings: [], profile, error: String(error) };
    }
    this.cache.set(key, { version: document.version, profile, result });
    return result;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
