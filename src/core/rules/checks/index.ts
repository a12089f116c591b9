// Built-in checks: rules whose test is more than a condition on values (arithmetic across several settings).
// Each check lives in its own file and returns the settings to place findings on, with their messages.
import type { BuiltinCheck, RuleInfo } from '../../knowledgeTypes';
import type { RelatedPlace, Setting, TextEdit } from '../../types';
import type { RuleContext } from '../evaluate';
import { valueOf } from '../evaluate';
import { celeryVisibilityTimeout } from './celeryVisibilityTimeout';
import { deliveryTimeoutBudget } from './deliveryTimeoutBudget';
import { clientStatus } from './clientStatus';
import { minIsrVsReplication } from './minIsrVsReplication';
import { pollBudget } from './pollBudget';
import { unknownKey } from './unknownKey';

export interface CheckHit {
  setting: Setting;
  message: string;
  related?: RelatedPlace[];
  /** A fix the check computed itself (the rule's `fix.replacement` cannot know it). */
  fix?: { title: string; edit: TextEdit };
}

export type Check = (context: RuleContext, rule: RuleInfo) => CheckHit[];

const CHECKS: Record<BuiltinCheck, Check | undefined> = {
  'delivery-timeout-budget': deliveryTimeoutBudget,
  'min-isr-vs-replication': minIsrVsReplication,
  'poll-budget': pollBudget,
  'client-status': clientStatus,
  'unknown-key': unknownKey,
  'celery-visibility-timeout': celeryVisibilityTimeout,
};

export function runCheck(name: BuiltinCheck, context: RuleContext, rule: RuleInfo): CheckHit[] {
  return CHECKS[name]?.(context, rule) ?? [];
}

/** The related-information entry for another setting; by default it says what the setting is set to there. */
export function placeOf(context: RuleContext, setting: Setting, message = `${setting.rawKey} is ${valueOf(setting)} here.`): RelatedPlace {
  const position = context.lines.positionAt(setting.keySpan.start);
  return { span: setting.keySpan, line: position.line, column: position.column, message };
}
