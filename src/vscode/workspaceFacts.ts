// The workspace facts the scanner has read (`src/core/workspace.ts`): which files show a dead-letter exchange, a
// handler for returned messages, confirms, a hand-built RabbitTemplate, and which folders are projects of their own.
// Unknown until the first full scan ends, so findings that depend on them stay hidden until then rather than appear
// and vanish.
import * as vscode from 'vscode';
import type { WorkspaceFact, WorkspaceFactIndex } from '../core/workspace';
import { engine } from './lazyEngine';

/** What one file shows, and whether it is production code (a test's facts only silence findings). */
export interface FileFacts {
  facts: readonly WorkspaceFact[];
  production: boolean;
}

export class WorkspaceFacts implements vscode.Disposable {
  /** Made on first use, so that constructing the store (at activation) does not load the engine. */
  private index?: WorkspaceFactIndex;
  private known = false;
  private lastKey = '';
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the facts change (or become known). */
  readonly onDidChange = this.changed.event;
  /** Grows with every change, so analyses judged under older facts can be told apart. */
  version = 0;

  /** The facts, or undefined before the first scan has finished. Files are keyed by their URI string. */
  current(): WorkspaceFactIndex | undefined {
    return this.known ? this.index : undefined;
  }

  /** The facts of every file at once, after a full scan. */
  replaceAll(entries: ReadonlyMap<string, FileFacts>): void {
    this.index = new (engine().WorkspaceFactIndex)();
    for (const [key, { facts, production }] of entries) this.index.add(key, facts, production);
    const wasKnown = this.known;
    this.known = true;
    this.update(!wasKnown);
  }

  set(key: string, { facts, production }: FileFacts): void {
    (this.index ??= new (engine().WorkspaceFactIndex)()).add(key, facts, production);
    this.update(false);
  }

  /** Forgets a file, or everything below a folder. */
  deleteUnder(prefix: string): void {
    this.index?.deleteUnder(prefix);
    this.update(false);
  }

  private update(force: boolean): void {
    const key = this.index?.key() ?? '';
    if (!force && key === this.lastKey) return;
    this.lastKey = key;
    this.version++;
    if (this.known) this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
