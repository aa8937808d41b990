import { SEXES, SOURCE_KINDS } from '../../../shared/catalog';
import { DateInput, RadioInput, SelectInput, TextInput } from '../../components/Inputs';
import type { FormKit } from '../../components/useFormKit';
import type { ConsulteeRow } from '../../types';
import { labelsOf } from '../casework/recordLabels';

const L = labelsOf('consultees');

/** The basic information of a person as typed (相談受付・申込票 A票 基本情報). */
export interface BasicState {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: string;
  sexNote: string;
  birthDate: string | null;
  postalCode: string;
  address: string;
  phone: string;
  phoneMobile: string;
  email: string;
  basicSource: string;
  basicSourceDetail: string;
}

export function basicState(row?: Partial<ConsulteeRow>): BasicState {
  return {
    familyName: row?.familyName ?? '',
    givenName: row?.givenName ?? '',
    familyNameKana: row?.familyNameKana ?? '',
    givenNameKana: row?.givenNameKana ?? '',
    sex: row?.sex ?? '',
    sexNote: row?.sexNote ?? '',
    birthDate: row?.birthDate ?? null,
    postalCode: row?.postalCode ?? '',
    address: row?.address ?? '',
    phone: row?.phone ?? '',
    phoneMobile: row?.phoneMobile ?? '',
    email: row?.email ?? '',
    basicSource: row?.basicSource ?? 'self',
    basicSourceDetail: row?.basicSourceDetail ?? '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The body for the server: blank optional fields as null. */
export function basicBody(s: BasicState): Record<string, unknown> {
  return {
    familyName: s.familyName.trim(),
    givenName: s.givenName.trim(),
    familyNameKana: s.familyNameKana.trim(),
    givenNameKana: s.givenNameKana.trim(),
    sex: orNull(s.sex),
    sexNote: s.sex === 'other' ? orNull(s.sexNote) : null,
    birthDate: s.birthDate,
    postalCode: orNull(s.postalCode.normalize('NFKC')),
    address: orNull(s.address),
    phone: orNull(s.phone),
    phoneMobile: orNull(s.phoneMobile),
    email: orNull(s.email),
    basicSource: s.basicSource,
    basicSourceDetail: s.basicSource === 'self' ? null : orNull(s.basicSourceDetail),
  };
}

export function basicProblems(s: BasicState): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.familyName.trim()) out.familyName = `「${L.familyName}」を入力してください`;
  if (s.basicSource !== 'self' && !s.basicSourceDetail.trim()) {
    out.basicSourceDetail = `本人以外から聞き取った場合は「${L.basicSourceDetail}」を入力してください`;
  }
  return out;
}

/** The fields of the basic information, for registration and for changes. */
export function BasicFields({ kit }: { kit: FormKit<BasicState> }) {
  const v = kit.values;
  return (
    <>
      <div className="field-pair">
        <TextInput kit={kit} name="familyName" label={L.familyName} hint="例: 見本" required className="input" />
        <TextInput kit={kit} name="givenName" label={L.givenName} hint="例: 太郎" className="input" />
      </div>
      <div className="field-pair">
        <TextInput kit={kit} name="familyNameKana" label={L.familyNameKana} hint="例: ミホン" className="input" />
        <TextInput kit={kit} name="givenNameKana" label={L.givenNameKana} hint="例: タロウ" className="input" />
      </div>
      <RadioInput kit={kit} name="sex" legend={L.sex} choices={SEXES} emptyLabel="記入なし" inline />
      {v.sex === 'other' ? (
        <TextInput kit={kit} name="sexNote" label={L.sexNote} className="input input--medium" />
      ) : null}
      <DateInput kit={kit} name="birthDate" label={L.birthDate} hint="例: 昭和55年1月1日、S55.1.1、1980-01-01" />
      <TextInput
        kit={kit}
        name="postalCode"
        label={L.postalCode}
        hint="例: 123-4567"
        className="input input--short"
        inputMode="numeric"
      />
      <TextInput kit={kit} name="address" label={L.address} />
      <div className="field-pair">
        <TextInput kit={kit} name="phone" label={L.phone} type="tel" inputMode="tel" className="input" />
        <TextInput kit={kit} name="phoneMobile" label={L.phoneMobile} type="tel" inputMode="tel" className="input" />
      </div>
      <TextInput kit={kit} name="email" label={L.email} type="email" inputMode="email" />
      <SelectInput
        kit={kit}
        name="basicSource"
        label={L.basicSource}
        hint="誰から聞き取った情報か（本人から直接取得するのが原則です）。"
        choices={SOURCE_KINDS}
        required
      />
      {v.basicSource !== 'self' ? (
        <TextInput
          kit={kit}
          name="basicSourceDetail"
          label={L.basicSourceDetail}
          hint="例: 同居の母から、〇〇地域包括支援センターから"
          required
        />
      ) : null}
    </>
  );
}
