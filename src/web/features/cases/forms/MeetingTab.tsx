import { labelIn, MEETING_DECISIONS } from '../../../../shared/catalog';
import { formatWareki } from '../../../../shared/wareki';
import { DateInput, RadioInput, SelectInput, TextAreaInput } from '../../../components/Inputs';
import { RowsEditor } from '../../../components/RowsEditor';
import type { MeetingRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { currentPlan, orNull, planChoices, printHref, requireds, type CaseTabProps, saveCaseRecord } from '../caseTab';
import { RecordsSection, type RecordForm } from '../RecordsSection';

const L = labelsOf('coordination_meetings');

interface Attendee {
  name: string;
  organization: string;
  role: string;
  [key: string]: string;
}

interface MeetingState {
  heldOn: string | null;
  planId: string;
  attendees: Attendee[];
  decision: string;
  notes: string;
}

const blankAttendee = (): Attendee => ({ name: '', organization: '', role: '' });

/** 支援調整会議: the agencies review the draft plan, or confirm a closure or suspension. */
export function MeetingTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const plans = planChoices(detail);
  const form: RecordForm<MeetingRow, MeetingState> = {
    draft: 'meeting',
    formId: 'meeting',
    initial: (r) => ({
      heldOn: r?.heldOn ?? today,
      planId: r ? (r.planId ?? '') : (currentPlan(detail)?.planId ?? ''),
      attendees: r ? r.attendees.map((a) => ({ ...a })) : [blankAttendee()],
      decision: r?.decision ?? '',
      notes: r?.notes ?? '',
    }),
    check: (v) => {
      const out = requireds([
        ['heldOn', L.heldOn, v.heldOn],
        ['decision', L.decision, v.decision],
      ]);
      v.attendees.forEach((a, i) => {
        if (!a.name.trim() && (a.organization.trim() || a.role.trim())) {
          out[`attendees.${i}.name`] = `出席者${i + 1}の「氏名」を入力してください`;
        }
      });
      return out;
    },
    send: (v, r) => {
      const body = {
        heldOn: v.heldOn,
        planId: v.planId || null,
        attendees: v.attendees
          .filter((a) => a.name.trim())
          .map((a) => ({ name: a.name.trim(), organization: a.organization.trim(), role: a.role.trim() })),
        decision: v.decision,
        notes: orNull(v.notes),
      };
      return saveCaseRecord(caseId, 'meetings', r?.meetingId, body);
    },
    submitNew: '会議の記録を保存する',
    submitChange: '変更を保存する',
    saved: '支援調整会議の記録を保存しました。',
    fields: (kit) => (
      <>
        <DateInput kit={kit} name="heldOn" label={L.heldOn} required />
        <SelectInput
          kit={kit}
          name="planId"
          label="諮ったプラン"
          choices={plans}
          emptyLabel="プランによらない（終結・中断の確認など）"
        />
        <RowsEditor<MeetingState, Attendee>
          kit={kit}
          name="attendees"
          legend={L.attendees}
          columns={[
            { key: 'name', label: '氏名', required: true },
            { key: 'organization', label: '所属' },
            { key: 'role', label: '役割' },
          ]}
          blank={blankAttendee}
          rowName={(i) => `出席者${i + 1}`}
          addLabel="出席者を追加する"
        />
        <RadioInput kit={kit} name="decision" legend={L.decision} choices={MEETING_DECISIONS} required />
        <TextAreaInput kit={kit} name="notes" label={L.notes} />
      </>
    ),
  };
  return (
    <RecordsSection
      tab={tab}
      records={detail.meetings}
      idOf={(m) => m.meetingId}
      versionOf={(m) => m.updatedAt}
      titleOf={(m) => `${formatWareki(m.heldOn)}の会議（${labelIn(MEETING_DECISIONS, m.decision)}）`}
      view={(m) => (
        <RecordFields
          table="coordination_meetings"
          row={m}
          fields={['heldOn', 'attendees', 'decision', 'notes']}
          skipEmpty
        />
      )}
      form={form}
      addTitle="支援調整会議を記録する"
      empty="支援調整会議の記録はまだありません。"
      print={(m) => ({ href: printHref(caseId, 'meeting', m.meetingId), label: '会議録を印刷する' })}
    />
  );
}
