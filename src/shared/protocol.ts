// The wizard webview's message protocol: one discriminated union per direction, validated on arrival by both sides.
// No vscode and no DOM here, so the extension and the page share it unchanged.
import type { Answers } from '../core/recommend/answers';
import type { WizardKnowledge } from '../core/knowledgeTypes';
import type { Recommendation } from '../core/recommend/recommend';

/** Messages from the page to the extension. */
export type PageMessage =
  /** The page has loaded and listens; the extension answers with `init`. */
  | { type: 'ready' }
  /** The answers changed; the extension answers with `result`. */
  | { type: 'answers'; answers: Answers }
  /** Set the workspace's `mqLens.workload` to the profile the answers imply (nothing when they imply none). */
  | { type: 'applyWorkload' }
  /** Save an Architecture Decision Record of the current recommendation (the extension asks where). */
  | { type: 'saveAdr' }
  /** Copy the recommendation as Markdown to the clipboard. */
  | { type: 'copySummary' }
  /** Open a source link (https only) in the browser. */
  | { type: 'openLink'; url: string };

export interface StarterView {
  broker: string;
  profile: string;
  file: string;
  code: string;
  notes: string[];
}

/** Messages from the extension to the page. */
export type HostMessage =
  /** The questions and FAQ, and the answers to start from (restored, or pre-filled from the workspace). */
  | { type: 'init'; steps: WizardKnowledge['steps']; faq: WizardKnowledge['faq']; answers: Answers; prefilled: string[] }
  /**
   * The ranking for the latest answers and a starting configuration for the winner. `profile` is the one the
   * starter is written for: `impliedProfile` (what the answers imply, absent when they imply none) or else
   * `workspaceProfile` (the workspace's `mqLens.workload`).
   */
  | { type: 'result'; result: Recommendation; profile: string; workspaceProfile: string; impliedProfile?: string; starter?: StarterView; brokerSources: Record<string, string[]> }
  /** A notice for the page to show (saved, copied, failed). */
  | { type: 'notice'; level: 'info' | 'error'; text: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isPageMessage(value: unknown): value is PageMessage {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'ready':
    case 'applyWorkload':
    case 'saveAdr':
    case 'copySummary':
      return Object.keys(value).length === 1;
    case 'answers':
      return isObject(value.answers);
    case 'openLink':
      return typeof value.url === 'string' && /^https:\/\/[^\s]+$/.test(value.url);
    default:
      return false;
  }
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'init':
      return Array.isArray(value.steps) && Array.isArray(value.faq) && isObject(value.answers) && Array.isArray(value.prefilled);
    case 'result':
      return isObject(value.result) && Array.isArray((value.result as Record<string, unknown>).ranking) && typeof value.profile === 'string'
        && typeof value.workspaceProfile === 'string' && (value.impliedProfile === undefined || typeof value.impliedProfile === 'string') && isObject(value.brokerSources);
    case 'notice':
      return (value.level === 'info' || value.level === 'error') && typeof value.text === 'string';
    default:
      return false;
  }
}
