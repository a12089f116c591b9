// The wizard against 62 workloads drawn from published decision guides (the cloud providers' "choose a messaging
// service" pages, the lesson on choosing a message queue and its readers' questions). Each scenario was written by one
// reader and checked by a second, independent one (its `review` field), without looking at the recommender: the
// acceptable first choices, the choices that must never rank first, and a reason with its source.
// A scenario may carry `disagreement`: the wizard's first choice is defensible but not among the readers' picks, and
// why. Those are listed in docs/wizard-scenarios.md; the test keeps the list true in both directions.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { knowledge } from '../../src/core/bundledKnowledge';
import { validateAnswers } from '../../src/core/recommend/answers';
import { recommend } from '../../src/core/recommend/recommend';
import { ROOT } from './helpers';

interface Scenario {
  id: string;
  title: string;
  answers: unknown;
  acceptableFirst: string[];
  neverFirst: string[];
  reason: string;
  source: string;
  review: string;
  disagreement?: string;
}

const scenarios = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/wizard/scenarios.json'), 'utf8')) as Scenario[];
const brokerIds = new Set(knowledge.brokers.map((b) => b.id));

describe('wizard scenarios from published decision guides', () => {
  it('has at least 40 scenarios, each with valid answers, known brokers, a reason, a source and a second reading', () => {
    assert.ok(scenarios.length >= 40, String(scenarios.length));
    for (const s of scenarios) {
      assert.deepEqual(validateAnswers(s.answers).problems, [], s.id);
      for (const id of [...s.acceptableFirst, ...s.neverFirst]) assert.ok(brokerIds.has(id), `${s.id}: ${id}`);
      assert.ok(s.acceptableFirst.length > 0 && !s.acceptableFirst.some((id) => s.neverFirst.includes(id)), s.id);
      assert.ok(s.reason.length > 40 && /^https?:\/\//.test(s.source) && s.review.length > 0, s.id);
    }
  });

  for (const s of scenarios) {
    it(`${s.id}: ${s.title}`, () => {
      const result = recommend(validateAnswers(s.answers).answers!, knowledge);
      const first = result.ranking[0]?.broker;
      assert.ok(first !== undefined, 'nothing ranked');
      assert.ok(!s.neverFirst.includes(first), `${first} must never rank first: ${s.reason}`);
      if (s.disagreement) {
        // A recorded disagreement that no longer happens must be removed from the scenario (and the docs).
        assert.ok(!s.acceptableFirst.includes(first), `${s.id} now ranks ${first} first: drop its disagreement note`);
      } else {
        const top = result.ranking.slice(0, 3).map((r) => `${r.broker} ${r.score}`).join(', ');
        assert.ok(s.acceptableFirst.includes(first), `first is ${first} (${top}); acceptable: ${s.acceptableFirst.join(', ')}. ${s.reason}`);
      }
    });
  }
});
