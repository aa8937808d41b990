import { formatWareki } from '../../../../shared/wareki';
import { DateInput, SelectInput, TextAreaInput, TextInput } from '../../../components/Inputs';
import type { DecisionRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { currentPlan, orNull, planChoices, requireds, type CaseTabProps, saveCaseRecord } from '../caseTab';
import { RecordsSection, type RecordForm } from '../RecordsSection';

const L = labelsOf('support_decisions');

interface DecisionState {
  planId: string;
  decidedOn: string | null;
  decidedBy: string;
  decisionNumber: string;
  periodFrom: string | null;
  periodTo: string | null;
  notes: string;
}

/** 支援決定: the municipality decides the plan after the meeting. */
export function DecisionTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const plan = currentPlan(detail);
  const form: RecordForm<DecisionRow, DecisionState> = {
    draft: 'decision',
    formId: 'decision',
    initial: (r) => ({
      planId: r ? (r.planId ?? '') : (plan?.planId ?? ''),
      decidedOn: r?.decidedOn ?? today,
      decidedBy: r?.decidedBy ?? '',
      decisionNumber: r?.decisionNumber ?? '',
      periodFrom: r ? (r.periodFrom ?? null) : (plan?.periodFrom ?? null),
      periodTo: r ? (r.periodTo ?? null) : (plan?.periodTo ?? null),
      notes: r?.notes ?? '',
    }),
    check: (v) =>
      requireds([
        ['decidedOn', L.decidedOn, v.decidedOn],
        ['decidedBy', L.decidedBy, v.decidedBy],
      ]),
    send: (v, r) => {
      const body = {
        planId: v.planId || null,
        decidedOn: v.decidedOn,
        decidedBy: v.decidedBy.trim(),
        decisionNumber: orNull(v.decisionNumber),
        periodFrom: v.periodFrom,
        periodTo: v.periodTo,
        notes: orNull(v.notes),
      };
      return saveCaseRecord(caseId, 'decisions', r?.decisionId, body);
    },
    submitNew: '支援決定を保存する',
    submitChange: '変更を保存する',
    saved: '支援決定を保存しました。',
    fields: (kit) => (
      <>
        <SelectInput
          kit={kit}
          name="planId"
          label="決定したプラン"
          choices={planChoices(detail)}
          emptyLabel="選ばない"
        />
        <DateInput kit={kit} name="decidedOn" label={L.decidedOn} required />
        <TextInput
          kit={kit}
          name="decidedBy"
          label={L.decidedBy}
          hint="例: 〇〇市長"
          required
          className="input input--medium"
        />
        <TextInput
          kit={kit}
          name="decisionNumber"
          label={L.decisionNumber}
          hint="例: 〇生支第123号"
          className="input input--medium"
        />
        <div className="field-pair">
          <DateInput kit={kit} name="periodFrom" label={L.periodFrom} />
          <DateInput kit={kit} name="periodTo" label={L.periodTo} />
        </div>
        <TextAreaInput kit={kit} name="notes" label={L.notes} rows={2} />
      </>
    ),
  };
  return (
    <RecordsSection
      tab={tab}
      records={detail.decisions}
      idOf={(d) => d.decisionId}
      versionOf={(d) => d.updatedAt}
      titleOf={(d) => `${formatWareki(d.decidedOn)}の支援決定`}
      view={(d) => (
        <RecordFields
          table="support_decisions"
          row={d}
          fields={['decidedOn', 'decidedBy', 'decisionNumber', 'periodFrom', 'periodTo', 'notes']}
          skipEmpty
        />
      )}
      form={form}
      addTitle="支援決定を記録する"
      empty="支援決定の記録はまだありません。"
    />
  );
}
