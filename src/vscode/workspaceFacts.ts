// The workspace facts the scanner has read (`src/core/workspace.ts`): which files show a dead-letter exchange, a
// handler for returned messages, a hand-built RabbitTemplate. Unknown until the first full scan ends, so findings
// that depend on them stay hidden until then rather than appear and vanish.
import * as vscode from 'vscode';
import type { WorkspaceFact } from '../core/workspace';

export class WorkspaceFacts implements vscode.Disposable {
  private readonly byFile = new Map<string, readonly WorkspaceFact[]>();
  private known = false;
  private cached: ReadonlySet<WorkspaceFact> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the union of facts changes (or becomes known). */
  readonly onDidChange = this.changed.event;
  /** Grows with every change, so analyses judged under older facts can be told apart. */
  version = 0;

  /** Every fact in the workspace, or undefined before the first scan has finished. */
  all(): ReadonlySet<WorkspaceFact> | undefined {
    if (!this.known) return undefined;
    if (!this.cached) {
      const facts = new Set<WorkspaceFact>();
      for (const list of this.byFile.values()) for (const fact of list) facts.add(fact);
      this.cached = facts;
    }
    return this.cached;
  }

  /** The facts of every file at once, after a full scan. */
  replaceAll(entries: ReadonlyMap<string, readonly WorkspaceFact[]>): void {
    const before = this.key();
    this.byFile.clear();
    for (const [key, facts] of entries) if (facts.length > 0) this.byFile.set(key, facts);
    const wasKnown = this.known;
    this.known = true;
    this.update(before, !wasKnown);
  }

  set(key: string, facts: readonly WorkspaceFact[]): void {
    const before = this.key();
    if (facts.length > 0) this.byFile.set(key, facts);
    else this.byFile.delete(key);
    this.update(before, false);
  }

  /** Forgets a file, or everything below a folder. */
  deleteUnder(prefix: string): void {
    const before = this.key();
    for (const key of [...this.byFile.keys()]) if (key === prefix || key.startsWith(`${prefix}/`)) this.byFile.delete(key);
    this.update(before, false);
  }

  private key(): string {
    const facts = new Set<WorkspaceFact>();
    for (const list of this.byFile.values()) for (const fact of list) facts.add(fact);
    return [...facts].sort().join(',');
  }

  private update(before: string, force: boolean): void {
    this.cached = undefined;
    if (!force && before === this.key()) return;
    this.version++;
    if (this.known) this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
