import { PROGRAMS } from '../../../../shared/catalog';
import { formatWareki } from '../../../../shared/wareki';
import { ChecksInput, DateInput, SelectInput, TextAreaInput } from '../../../components/Inputs';
import type { ApplicationRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { currentPlan, orNull, planChoices, requireds, type CaseTabProps, saveCaseRecord } from '../caseTab';
import { RecordsSection, type RecordForm } from '../RecordsSection';

const L = labelsOf('municipal_applications');

interface ApplicationState {
  planId: string;
  appliedOn: string | null;
  programs: string[];
  forwardedOn: string | null;
  municipalityReceivedOn: string | null;
  notes: string;
}

/** 事業等利用申込 and its forwarding to the municipality (BIZ-4): a clerk records the day it was sent. */
export function ApplicationTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const plan = currentPlan(detail);
  const form: RecordForm<ApplicationRow, ApplicationState> = {
    draft: 'application',
    formId: 'application',
    initial: (r) => ({
      planId: r ? (r.planId ?? '') : (plan?.planId ?? ''),
      appliedOn: r?.appliedOn ?? today,
      programs: r ? [...r.programs] : [...(plan?.programs ?? [])],
      forwardedOn: r?.forwardedOn ?? null,
      municipalityReceivedOn: r?.municipalityReceivedOn ?? null,
      notes: r?.notes ?? '',
    }),
    check: (v) => {
      const out = requireds([
        ['appliedOn', L.appliedOn, v.appliedOn],
        ['programs', L.programs, v.programs],
      ]);
      if (v.forwardedOn && v.appliedOn && v.forwardedOn < v.appliedOn) {
        out.forwardedOn = '「自治体への送付日」は「申込日」以降の日付にしてください';
      }
      return out;
    },
    send: (v, r) => {
      const body = {
        planId: v.planId || null,
        appliedOn: v.appliedOn,
        programs: v.programs,
        forwardedOn: v.forwardedOn,
        municipalityReceivedOn: v.municipalityReceivedOn,
        notes: orNull(v.notes),
      };
      return saveCaseRecord(caseId, 'applications', r?.applicationId, body);
    },
    submitNew: '利用申込を保存する',
    submitChange: '変更を保存する',
    saved: '事業等利用申込を保存しました。',
    fields: (kit) => (
      <>
        <SelectInput
          kit={kit}
          name="planId"
          label="申込みのプラン"
          choices={planChoices(detail)}
          emptyLabel="選ばない"
        />
        <DateInput kit={kit} name="appliedOn" label={L.appliedOn} required />
        <ChecksInput kit={kit} name="programs" legend={L.programs} choices={PROGRAMS} required />
        <div className="field-pair">
          <DateInput
            kit={kit}
            name="forwardedOn"
            label={L.forwardedOn}
            hint="自治体へ送付した日。送付するまで「対応が必要なケース」に表示されます。"
          />
          <DateInput kit={kit} name="municipalityReceivedOn" label={L.municipalityReceivedOn} />
        </div>
        <TextAreaInput kit={kit} name="notes" label={L.notes} rows={2} />
      </>
    ),
  };
  return (
    <RecordsSection
      tab={tab}
      records={detail.applications}
      idOf={(a) => a.applicationId}
      versionOf={(a) => a.updatedAt}
      titleOf={(a) => (
        <>
          {formatWareki(a.appliedOn)}の申込
          {a.forwardedOn ? (
            <span className="badge badge--ok">送付済み</span>
          ) : (
            <span className="badge badge--warn">自治体に未送付</span>
          )}
        </>
      )}
      view={(a) => (
        <RecordFields
          table="municipal_applications"
          row={a}
          fields={['appliedOn', 'programs', 'forwardedOn', 'municipalityReceivedOn', 'notes']}
        />
      )}
      form={form}
      addTitle="事業等利用申込を記録する"
      empty="事業等利用申込の記録はまだありません。"
    />
  );
}
