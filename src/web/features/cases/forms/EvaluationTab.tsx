import { GOAL_RESULTS, IMPROVEMENTS, labelIn, NEXT_ACTIONS } from '../../../../shared/catalog';
import { formatWareki } from '../../../../shared/wareki';
import { CheckInput, ChecksInput, DateInput, RadioInput, SelectInput, TextAreaInput } from '../../../components/Inputs';
import { RowsEditor } from '../../../components/RowsEditor';
import type { CaseDetail, EvaluationRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { currentPlan, orNull, planChoices, printHref, requireds, type CaseTabProps, saveCaseRecord } from '../caseTab';
import { RecordsSection, type RecordForm } from '../RecordsSection';

const L = labelsOf('evaluations');

interface GoalResult {
  goal: string;
  result: string;
  comment: string;
  [key: string]: string;
}

interface EvaluationState {
  planId: string;
  evaluatedOn: string | null;
  goalResults: GoalResult[];
  employed: boolean;
  employedOn: string | null;
  incomeIncreased: boolean;
  incomeIncreasedOn: string | null;
  improvementObserved: boolean;
  improvements: string[];
  personView: string;
  evaluatorView: string;
  nextAction: string;
}

/** The goals of the plan being evaluated, each to be given its result. */
export function goalResultsFrom(detail: CaseDetail, planId: string): GoalResult[] {
  const plan = detail.plans.find((p) => p.planId === planId) ?? currentPlan(detail);
  return (plan?.goals ?? []).map((g) => ({ goal: g.goal, result: '', comment: '' }));
}

/** 評価シート: each goal's result, the nationally reported outcomes, and what comes next. */
export function EvaluationTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const plan = currentPlan(detail);
  const form: RecordForm<EvaluationRow, EvaluationState> = {
    draft: 'evaluation',
    formId: 'evaluation',
    initial: (r) => ({
      planId: r ? (r.planId ?? '') : (plan?.planId ?? ''),
      evaluatedOn: r?.evaluatedOn ?? today,
      goalResults: r ? r.goalResults.map((g) => ({ ...g })) : goalResultsFrom(detail, plan?.planId ?? ''),
      employed: r?.employed ?? false,
      employedOn: r?.employedOn ?? null,
      incomeIncreased: r?.incomeIncreased ?? false,
      incomeIncreasedOn: r?.incomeIncreasedOn ?? null,
      improvementObserved: r?.improvementObserved ?? false,
      improvements: r?.improvements ?? [],
      personView: r?.personView ?? '',
      evaluatorView: r?.evaluatorView ?? '',
      nextAction: r?.nextAction ?? '',
    }),
    check: (v) => {
      const out = requireds([
        ['evaluatedOn', L.evaluatedOn, v.evaluatedOn],
        ['nextAction', L.nextAction, v.nextAction],
      ]);
      v.goalResults.forEach((g, i) => {
        if (!g.goal.trim()) out[`goalResults.${i}.goal`] = `目標${i + 1}の「目標」を入力してください`;
        if (!g.result) out[`goalResults.${i}.result`] = `目標${i + 1}の「達成状況」を選んでください`;
      });
      if (v.employed && !v.employedOn) out.employedOn = '就労した場合は「就労日」を入力してください';
      if (v.incomeIncreased && !v.incomeIncreasedOn)
        out.incomeIncreasedOn = '増収した場合は「増収日」を入力してください';
      return out;
    },
    send: (v, r) => {
      const body = {
        planId: v.planId || null,
        evaluatedOn: v.evaluatedOn,
        goalResults: v.goalResults.map((g) => ({ goal: g.goal.trim(), result: g.result, comment: g.comment.trim() })),
        employed: v.employed,
        employedOn: v.employed ? v.employedOn : null,
        incomeIncreased: v.incomeIncreased,
        incomeIncreasedOn: v.incomeIncreased ? v.incomeIncreasedOn : null,
        improvementObserved: v.improvementObserved,
        improvements: v.improvements,
        personView: orNull(v.personView),
        evaluatorView: orNull(v.evaluatorView),
        nextAction: v.nextAction,
      };
      return saveCaseRecord(caseId, 'evaluations', r?.evaluationId, body);
    },
    submitNew: '評価を保存する',
    submitChange: '変更を保存する',
    saved: '評価シートを保存しました。',
    fields: (kit) => {
      const v = kit.values;
      return (
        <>
          <SelectInput
            kit={kit}
            name="planId"
            label="評価したプラン"
            choices={planChoices(detail)}
            emptyLabel="選ばない"
            hint="目標の一覧は、評価を始めたときのプランの目標から入っています。"
          />
          <DateInput kit={kit} name="evaluatedOn" label={L.evaluatedOn} required />
          <RowsEditor<EvaluationState, GoalResult>
            kit={kit}
            name="goalResults"
            legend={L.goalResults}
            columns={[
              { key: 'goal', label: '目標', kind: 'textarea', required: true },
              { key: 'result', label: '達成状況', kind: 'select', choices: GOAL_RESULTS, required: true },
              { key: 'comment', label: '所見', kind: 'textarea' },
            ]}
            blank={() => ({ goal: '', result: '', comment: '' })}
            rowName={(i) => `目標${i + 1}`}
            addLabel="目標を追加する"
            max={20}
          />
          <fieldset className="form-part">
            <legend>国への報告事項</legend>
            <CheckInput kit={kit} name="employed" label="就労した" />
            {v.employed ? <DateInput kit={kit} name="employedOn" label={L.employedOn} required /> : null}
            <CheckInput kit={kit} name="incomeIncreased" label="増収した" />
            {v.incomeIncreased ? (
              <DateInput kit={kit} name="incomeIncreasedOn" label={L.incomeIncreasedOn} required />
            ) : null}
            <CheckInput kit={kit} name="improvementObserved" label="自立に向けた改善が見られた" />
          </fieldset>
          <ChecksInput kit={kit} name="improvements" legend={L.improvements} choices={IMPROVEMENTS} />
          <TextAreaInput kit={kit} name="personView" label={L.personView} rows={3} />
          <TextAreaInput kit={kit} name="evaluatorView" label={L.evaluatorView} rows={3} />
          <RadioInput kit={kit} name="nextAction" legend={L.nextAction} choices={NEXT_ACTIONS} required />
        </>
      );
    },
  };
  return (
    <RecordsSection
      tab={tab}
      records={detail.evaluations}
      idOf={(e) => e.evaluationId}
      versionOf={(e) => e.updatedAt}
      titleOf={(e) => `${formatWareki(e.evaluatedOn)}の評価（${labelIn(NEXT_ACTIONS, e.nextAction)}）`}
      view={(e) => (
        <RecordFields
          table="evaluations"
          row={e}
          fields={[
            'evaluatedOn',
            'goalResults',
            'employed',
            'employedOn',
            'incomeIncreased',
            'incomeIncreasedOn',
            'improvementObserved',
            'improvements',
            'personView',
            'evaluatorView',
            'nextAction',
          ]}
          skipEmpty
        />
      )}
      form={form}
      addTitle="評価を記録する"
      empty="評価の記録はまだありません。"
      print={(e) => ({ href: printHref(caseId, 'evaluation', e.evaluationId), label: '評価シートを印刷する' })}
    />
  );
}
