// The one entry point the extension and the CLI share: text in, settings and findings out.
import { workloadDirective } from './directives';
import type { KeyIndex } from './keyIndex';
import type { Profile } from './knowledgeTypes';
import { formatOf, type Format } from './formats';
import { parseProperties } from './parsers/properties';
import { evaluateRules, type SeverityOverrides } from './rules/evaluate';
import { settingsFromProperties } from './settings/properties';
import { LineIndex } from './text';
import type { AnalysisResult, Setting } from './types';

export interface AnalyzeOptions {
  /** Path reported in settings and findings. */
  file: string;
  text: string;
  keys: KeyIndex;
  /** The profile from configuration or the command line; an inline directive in the text wins over it. */
  profile: Profile;
  overrides?: SeverityOverrides;
  /** The file's format when its name does not tell (an untitled editor, say); by default it comes from `file`. */
  format?: Format;
}

export function analyzeText(options: AnalyzeOptions): AnalysisResult {
  const format = options.format ?? formatOf(options.file);
  if (!format) return { settings: [], findings: [], profile: options.profile };
  const lines = new LineIndex(options.text);
  let settings: Setting[];
  let comments: string[];
  switch (format) {
    case 'properties': {
      const document = parseProperties(options.text);
      settings = settingsFromProperties(options.file, document, lines, options.keys);
      comments = document.comments.map((comment) => comment.text);
      break;
    }
  }
  const directive = workloadDirective(comments);
  const profile = directive.profile ?? options.profile;
  const findings = evaluateRules(settings, profile, options.keys, lines, options.overrides);
  return { settings, findings, profile };
}
