// Scans the workspace for message-queue evidence and keeps the result current: one full scan at start (in chunks,
// yielding to the event loop so the extension host stays responsive), then one file at a time as files change.
// Files are read through vscode.workspace.fs, so virtual workspaces work; `files.exclude` applies, `node_modules`
// and `.git` are skipped, and files above `mqLens.maxFileSizeKb` are left out.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Detection } from '../core/detect/types';
import { VENDOR_MARKERS } from '../core/paths';
import type { Finding } from '../core/types';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { engine } from './lazyEngine';
import type { FileFacts, WorkspaceFacts } from './workspaceFacts';
import { fileRole } from '../core/context/role';

const INCLUDE = '**/{*.properties,*.yml,*.yaml,*.conf,*.py,*.java,*.kt,*.scala,*.go,*.cs,*.rs,*.js,*.mjs,*.cjs,*.jsx,*.ts,*.mts,*.cts,*.tsx,package.json,pom.xml,*.gradle,*.gradle.kts,*.versions.toml,go.mod,Cargo.toml,pyproject.toml,Pipfile,requirements*.txt,*.csproj,*.fsproj,composer.json,Gemfile,gems.rb,*.gemspec,mix.exs,requirements/**/*.txt,*.rb,*.rake,*.php,*.ex,*.exs,appsettings*.json,.env,*.env,Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,*.example,*.sample,*.dist,*.tpl,*.tmpl,*.template,*.default,*activemq*.xml,artemis*.xml,broker*.xml,*.sh,*.bash,*.tf,*.hcl,*.config,*.ps1,Makefile,makefile,justfile,*definition*.json,*rabbit*.json,*amqp*.json,*polic*.json,*broker*.json,*queue*.json,*rabbit*/**/*.json}';
const VENDORED = `**/vendor/{${VENDOR_MARKERS.join(',')}}`;
const SKIPPED = /(^|[\\/])(node_modules|\.git|\.hg|\.svn)([\\/]|$)/;
const CHUNK = 100;
const PROGRESS_AFTER_MS = 1500;
/** How often the first scan shows what it has found so far. */
const SHOW_EVERY_MS = 250;

export interface FileEntry {
  uri: vscode.Uri;
  detections: Detection[];
  /** Findings in the file (as last read from disk), under the workspace facts known when the entry was asked for. */
  findings: readonly Finding[];
}

/** What the scanner keeps per file with evidence: findings that depend on workspace facts are judged when asked. */
interface StoredEntry {
  uri: vscode.Uri;
  detections: Detection[];
  /** Every finding, those that depend on workspace facts (`Finding.workspace`) included, unjudged. */
  findings: Finding[];
}

/** A file read: its entry when it shows message-queue evidence, and the workspace facts its text shows. */
interface ReadResult {
  entry?: StoredEntry;
  facts: FileFacts;
}

const NO_FACTS: FileFacts = { facts: [], production: true };

export class WorkspaceScanner implements vscode.Disposable {
  private readonly files = new Map<string, StoredEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private scanSource: vscode.CancellationTokenSource | undefined;
  private pending = new Map<string, vscode.Uri>();
  /** Files that changed while a full scan ran: read again when it finishes, so the scan cannot undo the change. */
  private readonly changedDuringScan = new Map<string, vscode.Uri>();
  private pendingTimer: NodeJS.Timeout | undefined;
  /** Incremented per full scan; results of an older scan are dropped. */
  private generation = 0;
  scanning = false;

  /** File watchers, one set per workspace folder, recreated when the folders change. */
  private watchers: vscode.Disposable[] = [];

  constructor(private readonly analyzer: DocumentAnalyzer, private readonly log: vscode.LogOutputChannel, private readonly facts: WorkspaceFacts) {
    this.watchFolders();
    this.subscriptions.push(
      // Counts of findings that depend on workspace facts change with them.
      facts.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidSaveTextDocument((document) => this.queue(document.uri)),
      // File operations done through the workbench (explorer, refactorings, WorkspaceEdit) are reported here even
      // when a file watcher is slow to start or drops events.
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => this.queue(uri))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.remove(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => {
        this.remove(oldUri);
        this.queue(newUri);
      })),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchFolders();
        void this.scan();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mqLens.exclude') || e.affectsConfiguration('mqLens.maxFileSizeKb') || e.affectsConfiguration('files.exclude')) void this.scan();
        else if (e.affectsConfiguration('mqLens')) void this.recount();
      }),
      this.changed,
    );
  }

  entries(): FileEntry[] {
    const index = this.facts.current();
    // Before the facts are known (and before anything was read) the engine is not needed: activation asks too.
    const holds = index && this.files.size > 0 ? engine().holds : undefined;
    return [...this.files.values()].map((e) => ({
      uri: e.uri, detections: e.detections,
      // Findings that depend on the rest of the workspace wait until its facts are known.
      findings: e.findings.filter((f) => !f.workspace || (index !== undefined && holds !== undefined && holds(f.workspace, index.all(), index.projectOf(e.uri.toString())))),
    }));
  }

  /**
   * Correlated watchers (a RelativePattern per workspace folder, as VS Code recommends for extensions): their events
   * are delivered to this extension rather than derived from the workbench's shared watcher. A second watcher on
   * everything reports deletions, because deleting a folder reports the folder only, which the file pattern misses.
   */
  private watchFolders(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, INCLUDE));
      const deletions = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'), true, true, false);
      this.watchers.push(
        files, deletions,
        files.onDidCreate((uri) => this.queue(uri)),
        files.onDidChange((uri) => this.queue(uri)),
        deletions.onDidDelete((uri) => this.remove(uri)),
      );
    }
  }

  /** A full scan; a scan already running is cancelled first. Resolves when done (true) or cancelled (false). */
  async scan(): Promise<boolean> {
    this.scanSource?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.scanSource = source;
    const generation = ++this.generation;
    this.scanning = true;
    this.changed.fire();
    let progressTimer: NodeJS.Timeout | undefined;
    let finishProgress: () => void = () => undefined;
    let report: (done: number, total: number) => void = () => undefined;
    // Only a scan that takes a while is worth a notification; it can be cancelled from there.
    progressTimer = setTimeout(() => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'MQ Lens: scanning for message queues', cancellable: true }, (progress, token) => {
        token.onCancellationRequested(() => source.cancel());
        let last = 0;
        report = (done, total) => {
          const percent = Math.floor((done / total) * 100);
          progress.report({ increment: percent - last, message: `${done} of ${total} files` });
          last = percent;
        };
        return new Promise<void>((resolve) => (finishProgress = resolve));
      });
    }, PROGRESS_AFTER_MS);
    try {
      // Third-party code under vendor/ (VENDOR_MARKERS), left out as the CLI does.
      const markers = await vscode.workspace.findFiles(VENDORED, undefined, undefined, source.token);
      this.vendored = markers.map((u) => u.path.slice(0, u.path.lastIndexOf('/') + 1));
      const uris = (await vscode.workspace.findFiles(INCLUDE, undefined, undefined, source.token)).filter((u) => !SKIPPED.test(u.path) && !this.isVendored(u));
      const found = new Map<string, StoredEntry>();
      const factsFound = new Map<string, FileFacts>();
      const settings = new FolderSettings();
      // The first scan of a session shows what it finds as it goes (the status bar names a broker as soon as one file
      // shows it); a later scan replaces the known entries at its end, so nothing flickers.
      const progressive = !this.scannedOnce;
      let shown = 0;
      let shownAt = 0;
      for (let i = 0; i < uris.length; i += CHUNK) {
        if (source.token.isCancellationRequested) break;
        for (const uri of uris.slice(i, i + CHUNK)) {
          const { entry, facts } = await this.read(uri, settings);
          if (entry) found.set(uri.toString(), entry);
          // A manifest with no facts still makes its folder a project.
          if (facts.facts.length > 0 || engine().projectRootOf(uri.path) !== undefined) factsFound.set(uri.toString(), facts);
        }
        if (progressive && generation === this.generation && found.size > shown && (shown === 0 || performance.now() - shownAt >= SHOW_EVERY_MS)) {
          for (const [key, entry] of found) this.files.set(key, entry);
          shown = found.size;
          shownAt = performance.now();
          this.changed.fire();
        }
        report(Math.min(i + CHUNK, uris.length), uris.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (generation !== this.generation) return false;
      if (!source.token.isCancellationRequested) {
        this.scannedOnce = true;
        this.files.clear();
        for (const [key, entry] of found) this.files.set(key, entry);
        this.facts.replaceAll(factsFound);
        const again = [...this.changedDuringScan.values()];
        this.changedDuringScan.clear();
        for (const uri of again) await this.update(uri);
      }
      this.log.info(`Scan ${source.token.isCancellationRequested ? 'cancelled' : 'finished'}: ${uris.length} candidate files, ${found.size} with message-queue evidence.`);
      return !source.token.isCancellationRequested;
    } catch (error) {
      this.log.error(`Workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      clearTimeout(progressTimer);
      finishProgress();
      if (generation === this.generation) {
        this.scanning = false;
        this.changed.fire();
      }
    }
  }

  cancel(): void {
    this.scanSource?.cancel();
  }

  /** Whether a full scan has finished in this session (the first one shows its entries as it goes). */
  private scannedOnce = false;

  /** Folders of vendored dependencies found by the last full scan, as path prefixes ending in `/`. */
  private vendored: string[] = [];

  private isVendored(uri: vscode.Uri): boolean {
    return this.vendored.some((prefix) => uri.path.startsWith(prefix));
  }

  private queue(uri: vscode.Uri): void {
    const { detectsFile, readsFactsFrom } = engine();
    if (SKIPPED.test(uri.path) || !(detectsFile(uri.path) || readsFactsFrom(uri.path)) || this.isVendored(uri)) return;
    if (this.scanning) this.changedDuringScan.set(uri.toString(), uri);
    this.pending.set(uri.toString(), uri);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => void this.flush(), 200);
  }

  private async flush(): Promise<void> {
    const uris = [...this.pending.values()];
    this.pending.clear();
    for (const uri of uris) await this.update(uri);
    if (uris.length > 0) this.changed.fire();
  }

  private remove(uri: vscode.Uri): void {
    const prefix = uri.toString();
    if (this.scanning) this.changedDuringScan.set(prefix, uri);
    this.facts.deleteUnder(prefix);
    if (this.deleteUnder(prefix)) this.changed.fire();
  }

  /** Reads one file again: its entry and its facts. */
  private async update(uri: vscode.Uri): Promise<void> {
    const { entry, facts } = await this.read(uri);
    if (entry) this.files.set(uri.toString(), entry);
    else this.deleteUnder(uri.toString());
    this.facts.set(uri.toString(), facts);
  }

  /** Forgets a file, or everything below a folder; true when anything was known there. */
  private deleteUnder(prefix: string): boolean {
    let removed = false;
    for (const key of [...this.files.keys()]) {
      if (key === prefix || key.startsWith(`${prefix}/`)) removed = this.files.delete(key) || removed;
    }
    return removed;
  }

  /** Re-counts findings after a profile or severity change, without reading files again when they are open. */
  private async recount(): Promise<void> {
    for (const entry of this.files.values()) {
      const { entry: fresh } = await this.read(entry.uri);
      if (fresh) entry.findings = fresh.findings;
    }
    this.changed.fire();
  }

  private async read(uri: vscode.Uri, settings = new FolderSettings()): Promise<ReadResult> {
    const { analyzeText, bundledClientIndex, bundledKeyIndex, detectsFile, detectText, readsFactsFrom, workspaceFactsOf } = engine();
    const analysed = detectsFile(uri.path);
    if (!(analysed || readsFactsFrom(uri.path)) || settings.excluded(uri) || this.isVendored(uri)) return { facts: NO_FACTS };
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text: string;
      if (open) {
        text = open.getText();
      } else {
        const bytes = await readLimited(uri, settings.maxBytes(uri));
        if (!bytes || bytes.includes(0)) return { facts: NO_FACTS };
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      }
      const roles = this.analyzer.roleOptions(uri);
      const production = fileRole(roles.where, roles.roleGlobs).role === 'production';
      // Files read for facts only, and analysed files without evidence (a YAML file with a policy): facts from the text.
      const textFacts = (): ReadResult => ({ facts: { facts: workspaceFactsOf(uri.path, text), production } });
      if (!analysed) return textFacts();
      const file = vscode.workspace.asRelativePath(uri, false);
      const detections = detectText({ file, text, keys: bundledKeyIndex(), clients: bundledClientIndex() });
      if (detections.length === 0) return textFacts();
      // An open document is already analysed (and cached) for its diagnostics; only closed files are analysed here.
      const analysis = (open ? this.analyzer.analyzeUnsettled(open) : undefined) ?? analyzeText({
        file, text, keys: bundledKeyIndex(), clients: bundledClientIndex(),
        profile: this.analyzer.configuredProfile(uri), overrides: this.analyzer.overridesFor(uri), ...roles, workspace: 'defer',
      });
      return { entry: { uri, detections, findings: analysis.findings }, facts: { facts: analysis.facts(), production } };
    } catch (error) {
      // Unreadable or not UTF-8: left out, never fatal.
      this.log.debug(`Skipped ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      return { facts: NO_FACTS };
    }
  }

  dispose(): void {
    this.scanSource?.cancel();
    clearTimeout(this.pendingTimer);
    for (const watcher of this.watchers) watcher.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * `mqLens.maxFileSizeKb` and `mqLens.exclude` per workspace folder, read once per scan rather than once per file
 * (configuration lookups cross into the workbench).
 */
class FolderSettings {
  private readonly byFolder = new Map<string, { maxBytes: number; exclude: string[] }>();

  private of(uri: vscode.Uri): { maxBytes: number; exclude: string[] } {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let settings = this.byFolder.get(key);
    if (!settings) {
      const configuration = vscode.workspace.getConfiguration('mqLens', folder?.uri ?? uri);
      const exclude = configuration.get<unknown>('exclude', []);
      settings = {
        maxBytes: configuration.get<number>('maxFileSizeKb', 1024) * 1024,
        exclude: Array.isArray(exclude) ? exclude.filter((p): p is string => typeof p === 'string') : [],
      };
      this.byFolder.set(key, settings);
    }
    return settings;
  }

  maxBytes(uri: vscode.Uri): number {
    return this.of(uri).maxBytes;
  }

  excluded(uri: vscode.Uri): boolean {
    const patterns = this.of(uri).exclude;
    return patterns.length > 0 && patterns.some((pattern) => vscode.languages.match({ pattern }, { uri, languageId: '' } as vscode.TextDocument) > 0);
  }
}

/**
 * A file's bytes, or undefined when it is larger than `maxBytes`. Local files are read from disk directly (the
 * extension host runs on Node; a round trip per file through the workbench costs milliseconds); other schemes,
 * as in virtual workspaces, go through vscode.workspace.fs.
 */
async function readLimited(uri: vscode.Uri, maxBytes: number): Promise<Uint8Array | undefined> {
  if (uri.scheme === 'file') {
    const stat = await fs.promises.stat(uri.fsPath);
    if (stat.size > maxBytes) return undefined;
    return fs.promises.readFile(uri.fsPath);
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > maxBytes) return undefined;
  return vscode.workspace.fs.readFile(uri);
}
