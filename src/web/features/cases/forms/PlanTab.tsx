import { useState } from 'react';
import { PROGRAMS } from '../../../../shared/catalog';
import { api } from '../../../api';
import { DraftForm } from '../../../components/DraftForm';
import { caseDraftKey } from '../../../components/drafts';
import { CheckInput, ChecksInput, DateInput, TextAreaInput } from '../../../components/Inputs';
import { PrintLink } from '../../../components/PrintLink';
import { RowsEditor } from '../../../components/RowsEditor';
import type { FormKit } from '../../../components/useFormKit';
import type { PlanRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { casePath, orNull, planName, printHref, requireds, type CaseTabProps } from '../caseTab';

const L = labelsOf('plans');

export interface GoalRow {
  goal: string;
  actions: string;
  who: string;
  period: string;
  [key: string]: string;
}

export const blankGoal = (): GoalRow => ({ goal: '', actions: '', who: '', period: '' });

/** The goals of a plan as rows: what to achieve, how, by whom, by when. */
export function GoalsEditor<S extends { goals: GoalRow[] }>({ kit }: { kit: FormKit<S> }) {
  return (
    <RowsEditor<S, GoalRow>
      kit={kit}
      name={'goals' as never}
      legend={L.goals}
      hint="支援調整会議に諮るには、目標が1つ以上必要です。"
      columns={[
        { key: 'goal', label: '目標', kind: 'textarea', required: true },
        { key: 'actions', label: '支援内容（本人・支援機関の取組み）', kind: 'textarea' },
        { key: 'who', label: '担当（機関・者）', className: 'input input--cell-medium' },
        { key: 'period', label: '期間', className: 'input input--cell-short' },
      ]}
      blank={blankGoal}
      rowName={(i) => `目標${i + 1}`}
      addLabel="目標を追加する"
      max={20}
    />
  );
}

export interface PlanState {
  draftedOn: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  longTermGoal: string;
  goals: GoalRow[];
  programs: string[];
  employmentSupportTarget: boolean;
  personAgreedOn: string | null;
  nextReviewOn: string | null;
  notes: string;
}

function planState(plan: PlanRow | null, today: string, asNewRevision: boolean): PlanState {
  return {
    draftedOn: plan && !asNewRevision ? plan.draftedOn : today,
    periodFrom: plan?.periodFrom ?? null,
    periodTo: plan?.periodTo ?? null,
    longTermGoal: plan?.longTermGoal ?? '',
    goals: plan ? plan.goals.map((g) => ({ ...g })) : [blankGoal()],
    programs: plan?.programs ?? [],
    employmentSupportTarget: plan?.employmentSupportTarget ?? false,
    personAgreedOn: plan && !asNewRevision ? (plan.personAgreedOn ?? null) : null,
    nextReviewOn: plan && !asNewRevision ? (plan.nextReviewOn ?? null) : null,
    notes: plan?.notes ?? '',
  };
}

function planBody(v: PlanState) {
  return {
    draftedOn: v.draftedOn,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    longTermGoal: orNull(v.longTermGoal),
    goals: v.goals
      .filter((g) => g.goal.trim() || g.actions.trim() || g.who.trim() || g.period.trim())
      .map((g) => ({ goal: g.goal.trim(), actions: g.actions.trim(), who: g.who.trim(), period: g.period.trim() })),
    programs: v.programs,
    employmentSupportTarget: v.employmentSupportTarget,
    personAgreedOn: v.personAgreedOn,
    nextReviewOn: v.nextReviewOn,
    notes: orNull(v.notes),
  };
}

function planProblems(v: PlanState): Record<string, string> {
  const out = requireds([['draftedOn', L.draftedOn, v.draftedOn]]);
  v.goals.forEach((g, i) => {
    const used = g.goal.trim() || g.actions.trim() || g.who.trim() || g.period.trim();
    if (used && !g.goal.trim()) out[`goals.${i}.goal`] = `目標${i + 1}の「目標」を入力してください`;
  });
  if (v.periodFrom && v.periodTo && v.periodTo < v.periodFrom) {
    out.periodTo = '「支援期間（終了）」は「支援期間（開始）」以降の日付にしてください';
  }
  return out;
}

const PLAN_FIELDS = [
  'draftedOn',
  'periodFrom',
  'periodTo',
  'longTermGoal',
  'goals',
  'programs',
  'employmentSupportTarget',
  'personAgreedOn',
  'nextReviewOn',
  'notes',
  'updatedAt',
] as const;

/**
 * プラン兼事業等利用申込書: the current revision with its goals; a change to it,
 * or a new revision (再プラン) starting from it. Earlier revisions stay readable.
 */
export function PlanTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today, writable } = tab;
  const [mode, setMode] = useState<'view' | 'change' | 'replan'>('view');
  const current = detail.plans[0] ?? null;
  const older = detail.plans.slice(1);

  const form = (plan: PlanRow | null, asNewRevision: boolean) => (
    <DraftForm<PlanState>
      key={plan ? `${plan.planId}-${plan.updatedAt}-${asNewRevision ? 'new' : 'edit'}` : 'first'}
      formId={asNewRevision || !plan ? 'plan' : 'plan-edit'}
      draftKey={caseDraftKey(caseId, 'plan', plan && !asNewRevision ? plan.planId : null)}
      initial={planState(plan, today, asNewRevision)}
      submitLabel={
        plan && !asNewRevision
          ? 'プランの変更を保存する'
          : asNewRevision
            ? '新しい版のプランを保存する'
            : 'プランを保存する'
      }
      labelledBy="plan-form-title"
      check={planProblems}
      send={(v) =>
        plan && !asNewRevision
          ? api.put(casePath(caseId, 'plans', plan.planId), planBody(v))
          : api.post(casePath(caseId, 'plans'), planBody(v))
      }
      onSaved={() => {
        setMode('view');
        tab.onSaved(asNewRevision ? '新しい版のプランを保存しました。' : 'プランを保存しました。');
      }}
      onCancel={plan ? () => setMode('view') : undefined}
    >
      {(kit) => (
        <>
          <DateInput kit={kit} name="draftedOn" label={L.draftedOn} required />
          <div className="field-pair">
            <DateInput kit={kit} name="periodFrom" label={L.periodFrom} />
            <DateInput kit={kit} name="periodTo" label={L.periodTo} />
          </div>
          <TextAreaInput kit={kit} name="longTermGoal" label={L.longTermGoal} rows={2} />
          <GoalsEditor kit={kit} />
          <ChecksInput kit={kit} name="programs" legend={L.programs} choices={PROGRAMS} />
          <CheckInput
            kit={kit}
            name="employmentSupportTarget"
            label="就労支援の対象とする"
            hint="国への報告（就労支援対象者数）に数えます。"
          />
          <div className="field-pair">
            <DateInput kit={kit} name="personAgreedOn" label={L.personAgreedOn} />
            <DateInput kit={kit} name="nextReviewOn" label={L.nextReviewOn} />
          </div>
          <TextAreaInput kit={kit} name="notes" label={L.notes} rows={2} />
        </>
      )}
    </DraftForm>
  );

  if (!current) {
    return writable ? (
      <section className="subcard" aria-labelledby="plan-form-title">
        <h3 id="plan-form-title">プラン（案）を作成する</h3>
        {form(null, false)}
      </section>
    ) : (
      <p>プランはまだ作成されていません。</p>
    );
  }

  return (
    <>
      <section className="record" aria-labelledby="plan-current-title">
        <h3 id="plan-current-title" className="record-title">
          現在のプラン: {planName(current)}
        </h3>
        {mode === 'view' ? (
          <>
            <RecordFields table="plans" row={current} fields={PLAN_FIELDS} skipEmpty />
            <div className="button-row button-row--tight">
              {writable ? (
                <>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setMode('change')}
                  >
                    このプランを変更する
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setMode('replan')}
                  >
                    再プラン（新しい版を作成する）
                  </button>
                </>
              ) : null}
              <PrintLink href={printHref(caseId, 'plan', current.planId)} label="プランを印刷する" />
            </div>
          </>
        ) : (
          <div className="subcard">
            <h4 id="plan-form-title">
              {mode === 'change'
                ? `${planName(current)}を変更する`
                : `第${current.revision + 1}版を作成する（再プラン）`}
            </h4>
            {mode === 'replan' ? (
              <p className="muted small">
                現在のプランの内容から始めます。新しい版を保存すると、支援調整会議・支援決定・評価はこの版について改めて記録します。
              </p>
            ) : null}
            {form(current, mode === 'replan')}
          </div>
        )}
      </section>
      {older.length > 0 ? (
        <section aria-labelledby="plan-older-title">
          <h3 id="plan-older-title">以前の版</h3>
          <ul className="record-list">
            {older.map((p) => (
              <li key={p.planId} className="record">
                <details>
                  <summary>{planName(p)}</summary>
                  <RecordFields table="plans" row={p} fields={PLAN_FIELDS} skipEmpty />
                  <PrintLink href={printHref(caseId, 'plan', p.planId)} label={`${planName(p)}を印刷する`} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
