import {
  CONSULTATION_TOPICS,
  CONTACT_ROUTES,
  EMPLOYMENT_STATUSES,
  HEALTH_INSURANCE,
  HOUSING_STATUSES,
  PENSION_STATUSES,
  SOURCE_KINDS,
  VISITOR_RELATIONS,
} from '../../../../shared/catalog';
import { api } from '../../../api';
import {
  CheckInput,
  ChecksInput,
  DateInput,
  RadioInput,
  SelectInput,
  TextAreaInput,
  TextInput,
} from '../../../components/Inputs';
import type { IntakeRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { casePath, orNull, requireds, type CaseTabProps } from '../caseTab';
import { SingleRecord, type RecordForm } from '../RecordsSection';

const L = labelsOf('intake_forms');

interface IntakeState {
  receivedOn: string | null;
  contactRoute: string;
  referredBy: string;
  visitorName: string;
  visitorPhone: string;
  visitorRelation: string;
  visitorRelationDetail: string;
  topics: string[];
  primaryTopic: string;
  topicOther: string;
  wishes: string;
  employmentStatus: string;
  housingStatus: string;
  healthInsurance: string;
  pension: string;
  applied: boolean;
  appliedOn: string | null;
  purposesExplainedOn: string | null;
  rulesVersion: string;
  source: string;
  sourceDetail: string;
}

/** 相談受付・申込票 (A票・B票). */
export function IntakeTab({ tab }: { tab: CaseTabProps }) {
  const opened = tab.detail.case.openedOn;
  const form: RecordForm<IntakeRow, IntakeState> = {
    draft: 'intake',
    formId: 'intake',
    initial: (r) => ({
      receivedOn: r?.receivedOn ?? opened,
      contactRoute: r?.contactRoute ?? '',
      referredBy: r?.referredBy ?? '',
      visitorName: r?.visitorName ?? '',
      visitorPhone: r?.visitorPhone ?? '',
      visitorRelation: r?.visitorRelation ?? '',
      visitorRelationDetail: r?.visitorRelationDetail ?? '',
      topics: r?.topics ?? [],
      primaryTopic: r?.primaryTopic ?? '',
      topicOther: r?.topicOther ?? '',
      wishes: r?.wishes ?? '',
      employmentStatus: r?.employmentStatus ?? '',
      housingStatus: r?.housingStatus ?? '',
      healthInsurance: r?.healthInsurance ?? '',
      pension: r?.pension ?? '',
      applied: r?.applied ?? false,
      appliedOn: r?.appliedOn ?? null,
      purposesExplainedOn: r?.purposesExplainedOn ?? null,
      rulesVersion: r?.rulesVersion ?? '',
      source: r?.source ?? 'self',
      sourceDetail: r?.sourceDetail ?? '',
    }),
    check: (v) => {
      const out = requireds([
        ['receivedOn', L.receivedOn, v.receivedOn],
        ['contactRoute', L.contactRoute, v.contactRoute],
      ]);
      if (v.applied && !v.appliedOn) out.appliedOn = '利用を申し込んだ場合は「申込日」を入力してください';
      if (v.source !== 'self' && !v.sourceDetail.trim()) {
        out.sourceDetail = '本人以外が記入した場合は、「取得元（詳細）」を入力してください';
      }
      return out;
    },
    send: (v) =>
      api.put(casePath(tab.caseId, 'intake'), {
        receivedOn: v.receivedOn,
        contactRoute: v.contactRoute,
        referredBy: orNull(v.referredBy),
        visitorName: orNull(v.visitorName),
        visitorPhone: orNull(v.visitorPhone),
        visitorRelation: orNull(v.visitorRelation),
        visitorRelationDetail: orNull(v.visitorRelationDetail),
        topics: v.topics,
        primaryTopic: v.topics.includes(v.primaryTopic) ? v.primaryTopic : null,
        topicOther: v.topics.includes('other') ? orNull(v.topicOther) : null,
        wishes: orNull(v.wishes),
        employmentStatus: orNull(v.employmentStatus),
        housingStatus: orNull(v.housingStatus),
        healthInsurance: orNull(v.healthInsurance),
        pension: orNull(v.pension),
        applied: v.applied,
        appliedOn: v.applied ? v.appliedOn : null,
        purposesExplainedOn: v.purposesExplainedOn,
        rulesVersion: orNull(v.rulesVersion),
        source: v.source,
        sourceDetail: v.source === 'self' ? null : orNull(v.sourceDetail),
      }),
    submitNew: '相談受付・申込票を保存する',
    submitChange: '変更を保存する',
    saved: '相談受付・申込票を保存しました。',
    fields: (kit) => {
      const v = kit.values;
      return (
        <>
          <fieldset className="form-part">
            <legend>受付（A票）</legend>
            <DateInput kit={kit} name="receivedOn" label={L.receivedOn} required />
            <RadioInput kit={kit} name="contactRoute" legend={L.contactRoute} choices={CONTACT_ROUTES} required />
            {v.contactRoute === 'referral' ? (
              <TextInput kit={kit} name="referredBy" label={L.referredBy} hint="例: 〇〇地域包括支援センター" />
            ) : null}
          </fieldset>
          <fieldset className="form-part">
            <legend>来談者（ご本人以外の場合）</legend>
            <div className="field-pair">
              <TextInput kit={kit} name="visitorName" label={L.visitorName} className="input" />
              <TextInput kit={kit} name="visitorPhone" label={L.visitorPhone} type="tel" className="input" />
            </div>
            <RadioInput
              kit={kit}
              name="visitorRelation"
              legend={L.visitorRelation}
              choices={VISITOR_RELATIONS}
              emptyLabel="本人のみ・記入なし"
              inline
            />
            {v.visitorRelation ? (
              <TextInput
                kit={kit}
                name="visitorRelationDetail"
                label={L.visitorRelationDetail}
                hint="例: 母、民生委員"
                className="input input--medium"
              />
            ) : null}
          </fieldset>
          <fieldset className="form-part">
            <legend>相談の内容</legend>
            <ChecksInput kit={kit} name="topics" legend={L.topics} choices={CONSULTATION_TOPICS} />
            {v.topics.length > 0 ? (
              <SelectInput
                kit={kit}
                name="primaryTopic"
                label={L.primaryTopic}
                hint="選んだ内容のうち、いちばん困っていること（◎）。"
                choices={CONSULTATION_TOPICS.filter((t) => v.topics.includes(t.code))}
                emptyLabel="選ばない"
              />
            ) : null}
            {v.topics.includes('other') ? <TextInput kit={kit} name="topicOther" label={L.topicOther} /> : null}
            <TextAreaInput kit={kit} name="wishes" label={L.wishes} rows={4} />
          </fieldset>
          <fieldset className="form-part">
            <legend>本人の状況（B票）</legend>
            <div className="field-pair">
              <SelectInput
                kit={kit}
                name="employmentStatus"
                label={L.employmentStatus}
                choices={EMPLOYMENT_STATUSES}
                emptyLabel="未記入"
              />
              <SelectInput
                kit={kit}
                name="housingStatus"
                label={L.housingStatus}
                choices={HOUSING_STATUSES}
                emptyLabel="未記入"
              />
            </div>
            <div className="field-pair">
              <SelectInput
                kit={kit}
                name="healthInsurance"
                label={L.healthInsurance}
                choices={HEALTH_INSURANCE}
                emptyLabel="未記入"
              />
              <SelectInput kit={kit} name="pension" label={L.pension} choices={PENSION_STATUSES} emptyLabel="未記入" />
            </div>
          </fieldset>
          <fieldset className="form-part">
            <legend>相談申込み</legend>
            <CheckInput kit={kit} name="applied" label="自立・家計相談支援の利用を申し込んだ" />
            {v.applied ? <DateInput kit={kit} name="appliedOn" label={L.appliedOn} required /> : null}
            <div className="field-pair">
              <DateInput kit={kit} name="purposesExplainedOn" label={L.purposesExplainedOn} />
              <TextInput
                kit={kit}
                name="rulesVersion"
                label={L.rulesVersion}
                hint="例: 2026年4月版"
                className="input"
              />
            </div>
            <SelectInput kit={kit} name="source" label={L.source} choices={SOURCE_KINDS} required />
            {v.source !== 'self' ? <TextInput kit={kit} name="sourceDetail" label={L.sourceDetail} required /> : null}
          </fieldset>
        </>
      );
    },
  };
  return (
    <SingleRecord
      tab={tab}
      record={tab.detail.intake}
      versionOf={(r) => r.updatedAt}
      form={form}
      empty="相談受付・申込票はまだ記録されていません。"
      view={(r) => (
        <RecordFields
          table="intake_forms"
          row={r}
          fields={[
            'receivedOn',
            'contactRoute',
            'referredBy',
            'visitorName',
            'visitorPhone',
            'visitorRelation',
            'visitorRelationDetail',
            'topics',
            'primaryTopic',
            'topicOther',
            'wishes',
            'employmentStatus',
            'housingStatus',
            'healthInsurance',
            'pension',
            'applied',
            'appliedOn',
            'purposesExplainedOn',
            'rulesVersion',
            'source',
            'sourceDetail',
            'updatedAt',
          ]}
          skipEmpty
        />
      )}
    />
  );
}
