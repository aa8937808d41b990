import { CONTACT_METHODS, COUNTERPARTS, labelIn } from '../../../../shared/catalog';
import { formatWareki } from '../../../../shared/wareki';
import { CheckInput, DateInput, RadioInput, SelectInput, TextAreaInput, TextInput } from '../../../components/Inputs';
import { PrintLink } from '../../../components/PrintLink';
import type { NoteRow } from '../../../types';
import { useSignedIn } from '../../auth/useSession';
import {
  GroundFields,
  mayRecordSpecialCare,
  groundBody,
  groundProblems,
  groundState,
  refusedForGround,
  type GroundState,
} from '../../casework/GroundFields';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { orNull, printHref, requireds, type CaseTabProps, saveCaseRecord } from '../caseTab';
import { RecordsSection, type RecordForm } from '../RecordsSection';

const L = labelsOf('progress_notes');

interface NoteState extends GroundState {
  contactOn: string | null;
  method: string;
  counterpart: string;
  counterpartDetail: string;
  content: string;
  specialCare: boolean;
  nextStep: string;
  nextContactOn: string | null;
}

/** 支援経過記録: one entry per contact or action, newest first (出力用: 経過一覧). */
export function NotesTab({ tab }: { tab: CaseTabProps }) {
  const { detail, caseId, today } = tab;
  const { session } = useSignedIn();
  const specialCareAllowed = mayRecordSpecialCare(session.staff.roles);
  const form: RecordForm<NoteRow, NoteState> = {
    draft: 'note',
    formId: 'note',
    initial: (r) => ({
      contactOn: r?.contactOn ?? today,
      method: r?.method ?? '',
      counterpart: r?.counterpart ?? 'self',
      counterpartDetail: r?.counterpartDetail ?? '',
      content: r?.content ?? '',
      specialCare: r?.sensitivity === 'special_care',
      nextStep: r?.nextStep ?? '',
      nextContactOn: r?.nextContactOn ?? null,
      ...groundState(r),
    }),
    check: (v) => ({
      ...requireds([
        ['contactOn', L.contactOn, v.contactOn],
        ['method', L.method, v.method],
        ['content', L.content, v.content],
      ]),
      ...groundProblems(v, v.specialCare),
    }),
    send: async (v, r, kit) => {
      const body = {
        contactOn: v.contactOn,
        method: v.method,
        counterpart: v.counterpart,
        counterpartDetail: orNull(v.counterpartDetail),
        content: v.content.trim(),
        sensitivity: v.specialCare ? 'special_care' : 'ordinary',
        nextStep: orNull(v.nextStep),
        nextContactOn: v.nextContactOn,
        ...groundBody(v, v.specialCare),
      };
      try {
        await saveCaseRecord(caseId, 'notes', r?.noteId, body);
      } catch (error) {
        if (refusedForGround(error)) kit.set('useGround', true);
        throw error;
      }
    },
    submitNew: '経過を記録する',
    submitChange: '変更を保存する',
    saved: '支援経過を記録しました。',
    fields: (kit) => (
      <>
        <div className="field-pair">
          <DateInput kit={kit} name="contactOn" label={L.contactOn} required />
          <SelectInput kit={kit} name="method" label={L.method} choices={CONTACT_METHODS} required />
        </div>
        <RadioInput kit={kit} name="counterpart" legend={L.counterpart} choices={COUNTERPARTS} required inline />
        {kit.values.counterpart !== 'self' ? (
          <TextInput
            kit={kit}
            name="counterpartDetail"
            label={L.counterpartDetail}
            hint="例: 母、〇〇ハローワーク 担当者"
          />
        ) : null}
        <TextAreaInput kit={kit} name="content" label={L.content} required rows={5} />
        {specialCareAllowed ? (
          <CheckInput
            kit={kit}
            name="specialCare"
            label="要配慮個人情報（病歴・障害・犯罪被害など）を含む"
            hint="含む記録は、要配慮個人情報を閲覧できる職員にだけ表示されます。"
          />
        ) : (
          <p className="hint">要配慮個人情報（病歴・障害など）を含む記録は、相談支援員等が記録します。</p>
        )}
        {kit.values.specialCare ? <GroundFields kit={kit} consent={tab.detail.specialCareConsent} /> : null}
        <TextAreaInput kit={kit} name="nextStep" label={L.nextStep} rows={2} />
        <DateInput kit={kit} name="nextContactOn" label={L.nextContactOn} />
      </>
    ),
  };
  return (
    <>
      <div className="button-row">
        <PrintLink href={printHref(caseId, 'notes')} label="経過一覧を印刷する" />
      </div>
      <RecordsSection
        tab={tab}
        records={detail.notes}
        idOf={(n) => n.noteId}
        versionOf={(n) => n.updatedAt}
        titleOf={(n) => (
          <>
            {formatWareki(n.contactOn)} {labelIn(CONTACT_METHODS, n.method)}（{labelIn(COUNTERPARTS, n.counterpart)}
            {n.counterpartDetail ? `: ${n.counterpartDetail}` : ''}）
            {n.sensitivity === 'special_care' ? <span className="tag tag--sensitive">要配慮個人情報</span> : null}
          </>
        )}
        view={(n) => (
          <RecordFields table="progress_notes" row={n} fields={['content', 'nextStep', 'nextContactOn']} skipEmpty />
        )}
        form={form}
        addTitle="新しい経過を記録する"
        empty="支援経過の記録はまだありません。"
        addFirst
      />
    </>
  );
}
