// The case's status flow (BIZ-1, BIZ-2; FORMS §0), as data plus pure functions.
// 相談受付 → スクリーニング → (情報提供のみで終了 | 他機関へのつなぎ | インテーク・アセスメント)
// → プラン案 → 支援調整会議 → 支援決定 → 支援提供・モニタリング → 評価 → 終結 | 再プラン,
// with 中断 from any stage of support. Each move names what must be on record
// first; anything else is refused with a message that says why.

export const CASE_STATUSES = [
  'intake',
  'screening',
  'closed_info_only',
  'referred',
  'assessment',
  'plan_draft',
  'coordination',
  'decided',
  'in_support',
  'evaluation',
  'closed',
  'suspended',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  intake: '相談受付',
  screening: 'スクリーニング',
  closed_info_only: '終了（相談・情報提供のみ）',
  referred: '終了（他制度・他機関へのつなぎ）',
  assessment: 'インテーク・アセスメント',
  plan_draft: 'プラン案作成',
  coordination: '支援調整会議',
  decided: '支援決定',
  in_support: '支援提供・モニタリング',
  evaluation: '評価',
  closed: '終結',
  suspended: '中断',
};

/** Statuses in which a case is no longer worked on. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['closed_info_only', 'referred', 'closed'];

export const TRANSITIONS = [
  'start_screening',
  'end_with_information',
  'refer_elsewhere',
  'start_assessment',
  'draft_plan',
  'submit_to_meeting',
  'record_decision',
  'start_support',
  'start_evaluation',
  'continue_support',
  'replan',
  'close',
  'suspend',
  'resume',
] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** What is on record for the case, as far as the flow needs to know. */
export interface CaseRecords {
  intakeForm: boolean;
  screeningResult: 'info_only' | 'referred' | 'continued' | null;
  assessment: boolean;
  /** The current plan revision has at least one goal. */
  planWithGoals: boolean;
  /** The last coordination meeting on the current plan, and its decision. */
  meetingDecision: 'approve_plan' | 'revise_plan' | 'confirm_closure' | 'confirm_suspension' | null;
  supportDecision: boolean;
  evaluation: boolean;
  /** The evaluation's recommended next action. */
  evaluationNext: 'close' | 'replan' | 'continue' | null;
  closureRecord: boolean;
}

interface Move {
  label: string;
  from: readonly CaseStatus[];
  to: CaseStatus;
  /** What must be on record; returns the reason for refusal, or null. */
  requires?: (r: CaseRecords) => string | null;
}

/** From assessment to evaluation: the person is being supported. */
export const ACTIVE_SUPPORT: readonly CaseStatus[] = [
  'assessment',
  'plan_draft',
  'coordination',
  'decided',
  'in_support',
  'evaluation',
];

export const MOVES: Readonly<Record<Transition, Move>> = {
  start_screening: {
    label: 'スクリーニングへ進む',
    from: ['intake'],
    to: 'screening',
    requires: (r) => (r.intakeForm ? null : '相談受付・申込票を記録してください'),
  },
  end_with_information: {
    label: '相談・情報提供のみで終了する',
    from: ['screening'],
    to: 'closed_info_only',
    requires: (r) =>
      r.screeningResult === 'info_only'
        ? null
        : 'スクリーニング結果を「相談・情報提供のみで終了」として記録してください',
  },
  refer_elsewhere: {
    label: '他制度・他機関へつなぎ、終了する',
    from: ['screening'],
    to: 'referred',
    requires: (r) =>
      r.screeningResult === 'referred'
        ? null
        : 'スクリーニング結果を「他制度・他機関へのつなぎ」として記録してください',
  },
  start_assessment: {
    label: 'インテーク・アセスメントへ進む',
    from: ['screening'],
    to: 'assessment',
    requires: (r) =>
      r.screeningResult === 'continued' ? null : 'スクリーニング結果を「継続支援」として記録してください',
  },
  draft_plan: {
    label: 'プラン案の作成へ進む',
    from: ['assessment'],
    to: 'plan_draft',
    requires: (r) => (r.assessment ? null : 'インテーク・アセスメントシートを記録してください'),
  },
  submit_to_meeting: {
    label: '支援調整会議に諮る',
    from: ['plan_draft'],
    to: 'coordination',
    requires: (r) => (r.planWithGoals ? null : '目標を1つ以上含むプランを作成してください'),
  },
  record_decision: {
    label: '支援決定へ進む',
    from: ['coordination'],
    to: 'decided',
    requires: (r) => (r.meetingDecision === 'approve_plan' ? null : '支援調整会議で「プランを了承」と記録してください'),
  },
  start_support: {
    label: '支援提供を始める',
    from: ['decided'],
    to: 'in_support',
    requires: (r) => (r.supportDecision ? null : '自治体による支援決定を記録してください'),
  },
  start_evaluation: {
    label: '評価へ進む',
    from: ['in_support'],
    to: 'evaluation',
  },
  continue_support: {
    label: '現在のプランで支援を続ける',
    from: ['evaluation'],
    to: 'in_support',
    requires: (r) =>
      r.evaluationNext === 'continue'
        ? null
        : '評価シートで今後の方針を「現在のプランで支援を続ける」と記録してください',
  },
  replan: {
    label: 'プランを見直す（再プラン）',
    from: ['evaluation', 'coordination'],
    to: 'plan_draft',
    requires: (r) =>
      r.evaluationNext === 'replan' || r.meetingDecision === 'revise_plan'
        ? null
        : '評価シートで「プランを見直す」とするか、支援調整会議で「見直しが必要」と記録してください',
  },
  close: {
    label: '終結する',
    from: ['evaluation', 'suspended'],
    to: 'closed',
    requires: (r) =>
      !r.closureRecord
        ? '終結の記録（終結日・理由）を作成してください'
        : r.meetingDecision !== 'confirm_closure'
          ? '支援調整会議で終結を確認したことを記録してください'
          : null,
  },
  suspend: {
    label: '中断する',
    from: ACTIVE_SUPPORT,
    to: 'suspended',
  },
  resume: {
    label: '支援を再開する',
    from: ['suspended'],
    to: 'in_support',
  },
};

export type MoveCheck = { ok: true; to: CaseStatus } | { ok: false; reason: string };

/** Whether the case may make the move now, and if not, why (in Japanese, for the screen). */
export function checkMove(status: CaseStatus, transition: Transition, records: CaseRecords): MoveCheck {
  const move = MOVES[transition];
  if (!move.from.includes(status)) {
    return {
      ok: false,
      reason: `「${CASE_STATUS_LABELS[status]}」の段階では「${move.label}」はできません`,
    };
  }
  const missing = move.requires?.(records) ?? null;
  return missing ? { ok: false, reason: missing } : { ok: true, to: move.to };
}

/** The moves open from a status (offered on the screen; each still checked when made). */
export function movesFrom(status: CaseStatus): Transition[] {
  return TRANSITIONS.filter((t) => MOVES[t].from.includes(status));
}

export function isFinal(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
