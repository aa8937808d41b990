import { useId, useState, type ChangeEvent } from 'react';
import { AGENCY_KINDS, CONSENT_GIVERS, CONSENT_METHODS, REPRESENTATIVE_AUTHORITIES } from '../../../shared/catalog';
import { describedBy, FieldError, FieldLabel } from '../../components/Field';
import {
  CheckInput,
  ChecksInput,
  DateInput,
  RadioInput,
  SelectInput,
  TextAreaInput,
  TextInput,
} from '../../components/Inputs';
import type { FormKit } from '../../components/useFormKit';
import { CONSENT_PURPOSES, PURPOSE_LABELS } from '../../labels';
import type { ConsentRow } from '../../types';
import { labelsOf } from '../casework/recordLabels';

const L = labelsOf('consents');

export const PURPOSE_OPTIONS = CONSENT_PURPOSES.map((code) => ({ code, label: PURPOSE_LABELS[code] }));

/** What the person was told, for an oral consent (ACQ-6), offered as a starting text to adjust. */
export const STANDARD_EXPLANATION =
  '「個人情報に関する管理・取扱規程」に基づき、利用目的（相談支援業務、自治体への事業等利用申込、関係機関との連絡・調整）と、支援のために関係機関と情報を共有する場合があることを説明した。';

export interface ConsentState {
  givenBy: string;
  representativeName: string;
  representativeRelation: string;
  representativeAuthority: string;
  method: string;
  explanation: string;
  givenOn: string | null;
  purposes: string[];
  agencyKinds: string[];
  agencyNames: string;
  coversSpecialCare: boolean;
  validFrom: string | null;
  validUntil: string | null;
}

/** A new consent given today, or one to replace (its content as the start). */
export function consentState(today: string, row?: ConsentRow): ConsentState {
  return {
    givenBy: row?.givenBy ?? 'self',
    representativeName: row?.representativeName ?? '',
    representativeRelation: row?.representativeRelation ?? '',
    representativeAuthority: row?.representativeAuthority ?? '',
    method: row?.method ?? 'oral',
    explanation: row?.explanation ?? '',
    givenOn: today,
    purposes: row ? [...row.purposes] : [],
    agencyKinds: row ? [...row.agencyKinds] : [],
    agencyNames: row?.agencyNames ?? '',
    coversSpecialCare: row?.coversSpecialCare ?? false,
    validFrom: null,
    validUntil: row?.validUntil ?? null,
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function consentBody(s: ConsentState) {
  const representative = s.givenBy === 'representative';
  return {
    givenBy: s.givenBy as 'self' | 'representative',
    representativeName: representative ? orNull(s.representativeName) : null,
    representativeRelation: representative ? orNull(s.representativeRelation) : null,
    representativeAuthority: representative ? (orNull(s.representativeAuthority) as never) : null,
    method: s.method as 'oral' | 'written' | 'electronic',
    explanation: orNull(s.explanation),
    givenOn: s.givenOn ?? '',
    purposes: s.purposes as (typeof CONSENT_PURPOSES)[number][],
    agencyKinds: s.agencyKinds,
    agencyNames: orNull(s.agencyNames),
    coversSpecialCare: s.coversSpecialCare,
    // The consent holds from the day it was given unless another start is written.
    validFrom: s.validFrom ?? s.givenOn ?? '',
    validUntil: s.validUntil,
  };
}

/** The form's own checks of a consent: the same rules the server applies (CON-1, ACQ-6). */
export function consentProblems(s: ConsentState, hasDocument: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.givenOn) out.givenOn = `「${L.givenOn}」を入力してください`;
  if (s.givenBy === 'representative') {
    if (!s.representativeName.trim())
      out.representativeName = `代理人による同意の場合は「${L.representativeName}」を入力してください`;
    if (!s.representativeAuthority) {
      out.representativeAuthority = `代理人による同意の場合は「${L.representativeAuthority}」を選んでください`;
    }
  }
  if (s.method === 'oral' && !s.explanation.trim())
    out.explanation = '口頭による同意の場合は「説明した内容」を記録してください';
  if (s.method === 'written' && !hasDocument) {
    out.document = '書面による同意の場合は、署名された同意書の写し（スキャン）を選んでください';
  }
  if (s.purposes.length === 0) out.purposes = `「${L.purposes}」を1つ以上選んでください`;
  return out;
}

/** The scanned, signed consent form, read in the browser and sent as base64. */
export interface ScannedDocument {
  fileName: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  contentBase64: string;
  size: number;
}

const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const MAX_BYTES = 10 * 1024 * 1024;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface DocumentInputProps {
  id: string;
  value: ScannedDocument | null;
  onChange: (doc: ScannedDocument | null) => void;
  error?: string | undefined;
  required?: boolean;
}

/** A file input for the scan of the signed form (PDF, JPEG or PNG, at most 10MB). */
export function DocumentInput({ id, value, onChange, error, required }: DocumentInputProps) {
  const [readError, setReadError] = useState<string | null>(null);
  const hintId = `${id}-hint`;
  const statusId = useId();
  const shown = readError ?? error;
  const errorId = shown ? `${id}-error` : undefined;
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setReadError(null);
    if (!file) {
      onChange(null);
      return;
    }
    const mediaType = MEDIA_TYPES.find((t) => t === file.type);
    if (!mediaType) {
      setReadError('PDF・JPEG・PNG のファイルを選んでください');
      onChange(null);
      return;
    }
    if (file.size > MAX_BYTES) {
      setReadError('ファイルは10MB以下にしてください');
      onChange(null);
      return;
    }
    try {
      onChange({ fileName: file.name, mediaType, contentBase64: await readAsBase64(file), size: file.size });
    } catch {
      setReadError('ファイルを読み込めませんでした。もう一度選んでください');
      onChange(null);
    }
  };
  return (
    <div className={shown ? 'field field--error' : 'field'}>
      <FieldLabel htmlFor={id} required={required}>
        署名された同意書の写し（スキャン）
      </FieldLabel>
      <p id={hintId} className="hint">
        PDF・JPEG・PNG（10MBまで）。ファイルは下書きには保存されません。
      </p>
      {shown && errorId ? <FieldError id={errorId} message={shown} /> : null}
      <input
        id={id}
        type="file"
        className="input input--file"
        accept="application/pdf,image/jpeg,image/png"
        onChange={(e) => void choose(e)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, value ? statusId : null)}
      />
      {value ? (
        <p id={statusId} className="date-result">
          選択中: {value.fileName}（{Math.max(1, Math.round(value.size / 1024))}KB）
        </p>
      ) : null}
    </div>
  );
}

interface ConsentFieldsProps {
  kit: FormKit<ConsentState>;
  document: ScannedDocument | null;
  onDocument: (doc: ScannedDocument | null) => void;
}

/** The consent given at the counter (相談申込み欄, CON-1, CON-2, ACQ-6). */
export function ConsentFields({ kit, document, onDocument }: ConsentFieldsProps) {
  const v = kit.values;
  return (
    <>
      <RadioInput kit={kit} name="givenBy" legend={L.givenBy} choices={CONSENT_GIVERS} required inline />
      {v.givenBy === 'representative' ? (
        <div className="subfields">
          <TextInput kit={kit} name="representativeName" label={L.representativeName} required />
          <TextInput
            kit={kit}
            name="representativeRelation"
            label={L.representativeRelation}
            hint="例: 母、成年後見人"
            className="input input--medium"
          />
          <SelectInput
            kit={kit}
            name="representativeAuthority"
            label={L.representativeAuthority}
            choices={REPRESENTATIVE_AUTHORITIES}
            required
          />
        </div>
      ) : null}
      <RadioInput kit={kit} name="method" legend={L.method} choices={CONSENT_METHODS} required inline />
      {v.method === 'oral' ? (
        <div className="subfields">
          <TextAreaInput
            kit={kit}
            name="explanation"
            label={L.explanation}
            hint="口頭で同意を得た場合は、何を説明したかを記録します。"
            required
            rows={4}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => kit.set('explanation', STANDARD_EXPLANATION)}
          >
            定型文を入れる
          </button>
        </div>
      ) : null}
      {v.method === 'written' ? (
        <div className="subfields">
          <DocumentInput
            id={kit.id('document')}
            value={document}
            onChange={onDocument}
            error={kit.error('document')}
            required
          />
        </div>
      ) : null}
      <DateInput kit={kit} name="givenOn" label={L.givenOn} required />
      <ChecksInput kit={kit} name="purposes" legend={L.purposes} choices={PURPOSE_OPTIONS} required />
      <ChecksInput kit={kit} name="agencyKinds" legend={L.agencyKinds} choices={AGENCY_KINDS} />
      <TextAreaInput
        kit={kit}
        name="agencyNames"
        label={L.agencyNames}
        hint="例: 〇〇市 生活支援課、〇〇公共職業安定所"
        rows={2}
      />
      <CheckInput
        kit={kit}
        name="coversSpecialCare"
        label="要配慮個人情報（病歴・障害など）の取得と関係機関への提供にも同意を得た"
        hint="要配慮個人情報には、より詳しい説明と個別の同意が必要です。"
      />
      <div className="field-pair">
        <DateInput kit={kit} name="validFrom" label={L.validFrom} hint="空欄なら同意日から。" />
        <DateInput kit={kit} name="validUntil" label={L.validUntil} hint="空欄なら期限なし（撤回まで）。" />
      </div>
    </>
  );
}
