import { ISSUE_TRAITS } from '../../../../shared/catalog';
import { api } from '../../../api';
import { ChecksInput, DateInput, TextAreaInput } from '../../../components/Inputs';
import type { AssessmentRow } from '../../../types';
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
import { casePath, orNull, requireds, type CaseTabProps } from '../caseTab';
import { SingleRecord, type RecordForm } from '../RecordsSection';

const L = labelsOf('assessments');

const TEXTS = [
  'lifeHistory',
  'workSituation',
  'financeSituation',
  'housingSituation',
  'familyRelations',
  'socialRelations',
  'strengths',
  'personWishes',
  'assessorView',
  'emergencySupport',
] as const;
type TextField = (typeof TEXTS)[number];

type AssessmentState = GroundState &
  Record<TextField, string> & {
    assessedOn: string | null;
    issueTraits: string[];
    healthSituation: string;
  };

/** インテーク・アセスメントシート. 心身の状況 is special-care information (ACQ-2). */
export function AssessmentTab({ tab }: { tab: CaseTabProps }) {
  const { session } = useSignedIn();
  const specialCareAllowed = mayRecordSpecialCare(session.staff.roles);
  const form: RecordForm<AssessmentRow, AssessmentState> = {
    draft: 'assessment',
    formId: 'assessment',
    initial: (r) => ({
      assessedOn: r?.assessedOn ?? tab.today,
      issueTraits: r?.issueTraits ?? [],
      healthSituation: r?.healthSituation ?? '',
      ...(Object.fromEntries(TEXTS.map((f) => [f, r?.[f] ?? ''])) as Record<TextField, string>),
      ...groundState(r),
    }),
    check: (v) => ({
      ...requireds([['assessedOn', L.assessedOn, v.assessedOn]]),
      ...groundProblems(v, v.healthSituation.trim() !== ''),
    }),
    send: async (v, _record, kit) => {
      const health = v.healthSituation.trim();
      try {
        await api.put(casePath(tab.caseId, 'assessment'), {
          assessedOn: v.assessedOn,
          issueTraits: v.issueTraits,
          healthSituation: health || null,
          ...Object.fromEntries(TEXTS.map((f) => [f, orNull(v[f])])),
          ...groundBody(v, health !== ''),
        });
      } catch (error) {
        if (refusedForGround(error)) kit.set('useGround', true);
        throw error;
      }
    },
    submitNew: 'アセスメントシートを保存する',
    submitChange: '変更を保存する',
    saved: 'インテーク・アセスメントシートを保存しました。',
    fields: (kit) => (
      <>
        <DateInput kit={kit} name="assessedOn" label={L.assessedOn} required />
        <ChecksInput kit={kit} name="issueTraits" legend={L.issueTraits} choices={ISSUE_TRAITS} />
        <TextAreaInput kit={kit} name="lifeHistory" label={L.lifeHistory} />
        {specialCareAllowed ? (
          <div className="sensitive-part">
            <TextAreaInput
              kit={kit}
              name="healthSituation"
              label={
                <>
                  {L.healthSituation}
                  <span className="tag tag--sensitive">要配慮個人情報</span>
                </>
              }
              hint="病気・障害・通院など。要配慮個人情報を含む本人の同意か、取得の根拠が必要です。"
            />
            {kit.values.healthSituation.trim() !== '' ? (
              <GroundFields kit={kit} consent={tab.detail.specialCareConsent} />
            ) : null}
          </div>
        ) : null}
        <TextAreaInput kit={kit} name="workSituation" label={L.workSituation} />
        <TextAreaInput kit={kit} name="financeSituation" label={L.financeSituation} />
        <TextAreaInput kit={kit} name="housingSituation" label={L.housingSituation} />
        <TextAreaInput kit={kit} name="familyRelations" label={L.familyRelations} />
        <TextAreaInput kit={kit} name="socialRelations" label={L.socialRelations} />
        <TextAreaInput kit={kit} name="strengths" label={L.strengths} />
        <TextAreaInput kit={kit} name="personWishes" label={L.personWishes} />
        <TextAreaInput kit={kit} name="assessorView" label={L.assessorView} />
        <TextAreaInput
          kit={kit}
          name="emergencySupport"
          label={L.emergencySupport}
          hint="プラン策定前に行った緊急的な支援があれば記録します。"
        />
      </>
    ),
  };
  return (
    <SingleRecord
      tab={tab}
      record={tab.detail.assessment}
      versionOf={(r) => r.updatedAt}
      form={form}
      empty="アセスメントシートはまだ記録されていません。"
      view={(r) => (
        <RecordFields
          table="assessments"
          row={r}
          fields={[
            'assessedOn',
            'issueTraits',
            'lifeHistory',
            'healthSituation',
            ...TEXTS.slice(1),
            'acquisitionGround',
            'groundReason',
            'updatedAt',
          ]}
          skipEmpty
        />
      )}
    />
  );
}
