import { CLOSURE_REASONS } from '../../../../shared/catalog';
import { api } from '../../../api';
import { CheckInput, ChecksInput, DateInput, TextAreaInput } from '../../../components/Inputs';
import type { ClosureRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { casePath, orNull, requireds, type CaseTabProps } from '../caseTab';
import { SingleRecord, type RecordForm } from '../RecordsSection';

const L = labelsOf('closures');

interface ClosureState {
  closedOn: string | null;
  reasons: string[];
  reasonNote: string;
  wishesConfirmed: boolean;
  reportedToMeetingOn: string | null;
  followUpUntil: string | null;
}

/** 終結: the person's wishes confirmed and reported to the meeting, which confirms the closure (WAM NET Q&A). */
export function ClosureTab({ tab }: { tab: CaseTabProps }) {
  const form: RecordForm<ClosureRow, ClosureState> = {
    draft: 'closure',
    formId: 'closure',
    initial: (r) => ({
      closedOn: r?.closedOn ?? tab.today,
      reasons: r?.reasons ?? [],
      reasonNote: r?.reasonNote ?? '',
      wishesConfirmed: r?.wishesConfirmed ?? false,
      reportedToMeetingOn: r?.reportedToMeetingOn ?? null,
      followUpUntil: r?.followUpUntil ?? null,
    }),
    check: (v) => {
      const out = requireds([
        ['closedOn', L.closedOn, v.closedOn],
        ['reasons', L.reasons, v.reasons],
      ]);
      if (!v.wishesConfirmed) {
        out.wishesConfirmed = '終結にあたっては本人の意思を確認してください（確認できない場合は「中断」を選びます）';
      }
      return out;
    },
    send: (v) =>
      api.put(casePath(tab.caseId, 'closure'), {
        closedOn: v.closedOn,
        reasons: v.reasons,
        reasonNote: orNull(v.reasonNote),
        wishesConfirmed: v.wishesConfirmed,
        reportedToMeetingOn: v.reportedToMeetingOn,
        followUpUntil: v.followUpUntil,
      }),
    submitNew: '終結の記録を保存する',
    submitChange: '変更を保存する',
    saved: '終結の記録を保存しました。支援調整会議で終結を確認したら、「終結する」で段階を進めます。',
    fields: (kit) => (
      <>
        <DateInput kit={kit} name="closedOn" label={L.closedOn} required />
        <ChecksInput kit={kit} name="reasons" legend={L.reasons} choices={CLOSURE_REASONS} required />
        <TextAreaInput kit={kit} name="reasonNote" label={L.reasonNote} rows={3} />
        <CheckInput
          kit={kit}
          name="wishesConfirmed"
          label="本人の意思を確認した"
          hint="本人の意思が確認できない（所在不明・連絡途絶）場合は、終結ではなく「中断」とします。"
        />
        <div className="field-pair">
          <DateInput kit={kit} name="reportedToMeetingOn" label={L.reportedToMeetingOn} />
          <DateInput kit={kit} name="followUpUntil" label={L.followUpUntil} />
        </div>
      </>
    ),
  };
  return (
    <SingleRecord
      tab={tab}
      record={tab.detail.closure}
      versionOf={(r) => r.updatedAt}
      form={form}
      empty="終結の記録はまだありません。"
      view={(r) => (
        <RecordFields
          table="closures"
          row={r}
          fields={[
            'closedOn',
            'reasons',
            'reasonNote',
            'wishesConfirmed',
            'reportedToMeetingOn',
            'followUpUntil',
            'updatedAt',
          ]}
          skipEmpty
        />
      )}
    />
  );
}
