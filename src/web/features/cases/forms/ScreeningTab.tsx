import { SCREENING_RESULTS } from '../../../../shared/catalog';
import { api } from '../../../api';
import { CheckInput, RadioInput, TextInput } from '../../../components/Inputs';
import type { CaseRow } from '../../../types';
import { RecordFields } from '../../casework/RecordFields';
import { labelsOf } from '../../casework/recordLabels';
import { casePath, orNull, requireds, type CaseTabProps } from '../caseTab';
import { SingleRecord, type RecordForm } from '../RecordsSection';

const L = labelsOf('cases');

interface ScreeningState {
  screeningResult: string;
  referralDestination: string;
  referredToPublicAssistance: boolean;
}

/** スクリーニング（振り分け）: information only, referral elsewhere, or continuing support here. */
export function ScreeningTab({ tab }: { tab: CaseTabProps }) {
  const kase = tab.detail.case;
  const form: RecordForm<CaseRow, ScreeningState> = {
    draft: 'screening',
    formId: 'screening',
    initial: (r) => ({
      screeningResult: r?.screeningResult ?? '',
      referralDestination: r?.referralDestination ?? '',
      referredToPublicAssistance: r?.referredToPublicAssistance ?? false,
    }),
    check: (v) => {
      const out = requireds([['screeningResult', L.screeningResult, v.screeningResult]]);
      if (v.screeningResult === 'referred' && !v.referralDestination.trim()) {
        out.referralDestination = '他制度・他機関へつなぐ場合は「つなぎ先」を入力してください';
      }
      return out;
    },
    send: (v) =>
      api.put(casePath(tab.caseId, 'screening'), {
        screeningResult: v.screeningResult,
        referralDestination: v.screeningResult === 'referred' ? orNull(v.referralDestination) : null,
        referredToPublicAssistance: v.screeningResult === 'referred' && v.referredToPublicAssistance,
      }),
    submitNew: 'スクリーニング結果を保存する',
    submitChange: '変更を保存する',
    saved: 'スクリーニング結果を保存しました。',
    fields: (kit) => (
      <>
        <RadioInput kit={kit} name="screeningResult" legend={L.screeningResult} choices={SCREENING_RESULTS} required />
        {kit.values.screeningResult === 'referred' ? (
          <div className="subfields">
            <TextInput
              kit={kit}
              name="referralDestination"
              label={L.referralDestination}
              hint="例: 〇〇市 福祉事務所"
              required
            />
            <CheckInput kit={kit} name="referredToPublicAssistance" label="生活保護の窓口へつないだ" />
          </div>
        ) : null}
      </>
    ),
  };
  return (
    <>
      <p className="muted">
        相談の内容から、この窓口で継続して支援するか、情報提供のみで終えるか、他制度・他機関へつなぐかを決めます。
      </p>
      <SingleRecord
        tab={tab}
        record={kase.screeningResult ? kase : null}
        versionOf={(r) => `${r.screeningResult}-${r.referralDestination ?? ''}`}
        form={form}
        empty="スクリーニング結果はまだ記録されていません。"
        view={(r) => (
          <RecordFields
            table="cases"
            row={r}
            fields={['screeningResult', 'referralDestination', 'referredToPublicAssistance']}
            skipEmpty
          />
        )}
      />
    </>
  );
}
