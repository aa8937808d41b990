import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  checkMove,
  MOVES,
  movesFrom,
  TRANSITIONS,
  type CaseRecords,
  type CaseStatus,
  type Transition,
} from './case-flow.js';

const NOTHING: CaseRecords = {
  intakeForm: false,
  screeningResult: null,
  assessment: false,
  planWithGoals: false,
  meetingDecision: null,
  supportDecision: false,
  evaluation: false,
  evaluationNext: null,
  closureRecord: false,
};

/** [from, move, what is on record, where it goes or the reason it is refused] */
const TABLE: [CaseStatus, Transition, Partial<CaseRecords>, CaseStatus | RegExp][] = [
  ['intake', 'start_screening', {}, /相談受付・申込票/],
  ['intake', 'start_screening', { intakeForm: true }, 'screening'],
  ['screening', 'end_with_information', { screeningResult: 'continued' }, /相談・情報提供のみで終了/],
  ['screening', 'end_with_information', { screeningResult: 'info_only' }, 'closed_info_only'],
  ['screening', 'refer_elsewhere', { screeningResult: 'referred' }, 'referred'],
  ['screening', 'start_assessment', { screeningResult: 'referred' }, /継続支援/],
  ['screening', 'start_assessment', { screeningResult: 'continued' }, 'assessment'],
  ['assessment', 'draft_plan', {}, /アセスメントシート/],
  ['assessment', 'draft_plan', { assessment: true }, 'plan_draft'],
  ['plan_draft', 'submit_to_meeting', {}, /目標を1つ以上/],
  ['plan_draft', 'submit_to_meeting', { planWithGoals: true }, 'coordination'],
  ['coordination', 'record_decision', { meetingDecision: 'revise_plan' }, /プランを了承/],
  ['coordination', 'record_decision', { meetingDecision: 'approve_plan' }, 'decided'],
  ['coordination', 'replan', { meetingDecision: 'revise_plan' }, 'plan_draft'],
  ['decided', 'start_support', {}, /支援決定/],
  ['decided', 'start_support', { supportDecision: true }, 'in_support'],
  ['in_support', 'start_evaluation', {}, 'evaluation'],
  ['evaluation', 'continue_support', { evaluationNext: 'replan' }, /現在のプランで支援を続ける/],
  ['evaluation', 'continue_support', { evaluationNext: 'continue' }, 'in_support'],
  ['evaluation', 'replan', { evaluationNext: 'close' }, /見直/],
  ['evaluation', 'replan', { evaluationNext: 'replan' }, 'plan_draft'],
  ['evaluation', 'close', { meetingDecision: 'confirm_closure' }, /終結の記録/],
  ['evaluation', 'close', { closureRecord: true }, /支援調整会議で終結を確認/],
  ['evaluation', 'close', { closureRecord: true, meetingDecision: 'confirm_closure' }, 'closed'],
  ['suspended', 'close', { closureRecord: true, meetingDecision: 'confirm_closure' }, 'closed'],
  ['in_support', 'suspend', {}, 'suspended'],
  ['suspended', 'resume', {}, 'in_support'],
  [
    'intake',
    'close',
    { closureRecord: true, meetingDecision: 'confirm_closure' },
    /「相談受付」の段階では「終結する」はできません/,
  ],
  ['closed', 'resume', {}, /「終結」の段階では/],
  ['intake', 'suspend', {}, /できません/],
];

describe('[BIZ-1][BIZ-2] the case flow', () => {
  it.each(TABLE)('%s —%s→ with %j: %s', (from, move, records, expected) => {
    const check = checkMove(from, move, { ...NOTHING, ...records });
    if (typeof expected === 'string') expect(check).toEqual({ ok: true, to: expected });
    else {
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.reason).toMatch(expected);
    }
  });

  it('no move leaves a final status but closure from suspension; every move is offered from where it starts', () => {
    for (const status of CASE_STATUSES) {
      for (const t of movesFrom(status)) expect(MOVES[t].from).toContain(status);
    }
    expect(movesFrom('closed')).toEqual([]);
    expect(movesFrom('closed_info_only')).toEqual([]);
    expect(movesFrom('referred')).toEqual([]);
    expect(TRANSITIONS.every((t) => MOVES[t].label.length > 0)).toBe(true);
  });

  it('every status is reachable from intake', () => {
    const reached = new Set<CaseStatus>(['intake']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        const m = MOVES[t];
        if (m.from.some((f) => reached.has(f)) && !reached.has(m.to)) {
          reached.add(m.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
  });
});
