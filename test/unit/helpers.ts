// Shared helpers for the unit tests: the repository root and the real, compiled knowledge base.
import * as path from 'node:path';
import { analyzeText } from '../../src/core/analyze';
import { bundledClientIndex, bundledKeyIndex } from '../../src/core/bundledKnowledge';
import type { Profile } from '../../src/core/knowledgeTypes';

/** out/test/unit -> repository root. */
export const ROOT = process.env.MQ_LENS_ROOT ?? path.resolve(__dirname, '../../..');

export function analyze(file: string, text: string, profile: Profile = 'general') {
  return analyzeText({ file, text, keys: bundledKeyIndex(), clients: bundledClientIndex(), profile });
}

/** Applies one edit to a text. */
export function applyEdit(text: string, edit: { span: { start: number; end: number }; newText: string }): string {
  return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}
