import { Link } from 'react-router';
import type { Static } from 'typebox';
import type { PublicProfileResponse } from '../../../server/modules/public-profile/schema';
import { api } from '../../api';
import { DateTimeText } from '../../components/DateTimeText';
import { CheckInput, TextAreaInput, TextInput } from '../../components/Inputs';
import { KitForm } from '../../components/KitForm';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { SubmitRow } from '../../components/SubmitRow';
import { useAnnouncer } from '../../components/useAnnouncer';
import { useApiGet } from '../../components/useApiGet';
import { useFormKit } from '../../components/useFormKit';
import { useSignedIn } from '../auth/useSession';

type Loaded = Static<typeof PublicProfileResponse>;

interface ProfileState {
  organizationName: string;
  address: string;
  representative: string;
  requestProcedure: string;
  fees: string;
  securityMeasures: string;
  complaintContact: string;
  privacyPolicy: string;
  published: boolean;
}

const LABELS = {
  organizationName: '事業者の名称',
  address: '住所',
  representative: '代表者',
  requestProcedure: '開示等の請求の手続',
  fees: '手数料',
  securityMeasures: '安全管理措置',
  complaintContact: '苦情の申出先',
} as const;

/**
 * 公表事項 (DSR-1, PUB-1): what the agency makes easily knowable to the persons
 * about its handling of personal information. Once published, the public page
 * shows it with the purposes, the related agencies, the joint uses and the
 * register, to anyone without signing in.
 */
export function PublicProfilePage() {
  const { data, problem, loading, replace } = useApiGet<Loaded>('/api/public-profile');
  const { element: announcement, announce } = useAnnouncer();
  return (
    <Page
      title="公表事項"
      lead="事業者の名称・住所・代表者、開示等の請求の手続と手数料、安全管理措置、苦情の申出先など、本人が容易に知り得る状態に置く事項です。公表すると、ログインせずに見られる公表ページに掲載されます。"
    >
      <p>
        <Link to="/privacy">個人情報保護へ戻る</Link>
      </p>
      {loading ? <Loading /> : null}
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {announcement}
      {data ? (
        <>
          <section className="card" aria-labelledby="public-page-link">
            <h2 id="public-page-link">公表ページ</h2>
            {data.profile?.published ? (
              <p>
                <a href={data.publicPath} target="_blank" rel="noopener noreferrer">
                  公表ページを開く<span className="visually-hidden">（新しいタブで開きます）</span>
                </a>
                <span className="block small mono">{data.publicPath}</span>
              </p>
            ) : (
              <p className="hint hint--warning">
                まだ公表していません。下の「公表する」を選んで保存すると公表ページが開きます。
              </p>
            )}
            {data.profile ? (
              <p className="muted small">
                最終更新: <DateTimeText value={data.profile.updatedAt} />
              </p>
            ) : null}
          </section>
          <ProfileForm
            key={data.profile?.updatedAt ?? 'new'}
            loaded={data}
            onSaved={(next) => {
              replace(next);
              announce(
                next.profile?.published
                  ? '公表事項を保存し、公表しました。'
                  : '公表事項を保存しました（公表していません）。',
              );
            }}
          />
        </>
      ) : null}
    </Page>
  );
}

function ProfileForm({ loaded, onSaved }: { loaded: Loaded; onSaved: (next: Loaded) => void }) {
  const { can } = useSignedIn();
  const manage = can('privacy.manage');
  const p = loaded.profile;
  const formId = 'public-profile';
  const kit = useFormKit<ProfileState>(
    formId,
    {
      organizationName: p?.organizationName ?? '',
      address: p?.address ?? '',
      representative: p?.representative ?? '',
      requestProcedure: p?.requestProcedure ?? '',
      fees: p?.fees ?? '',
      securityMeasures: p?.securityMeasures ?? '',
      complaintContact: p?.complaintContact ?? '',
      privacyPolicy: p?.privacyPolicy ?? '',
      published: p?.published ?? false,
    },
    null,
  );
  const v = kit.values;
  if (!manage) return <ProfileView loaded={loaded} />;
  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>公表する内容</h2>
      <KitForm
        kit={kit}
        className="form"
        labelledBy={`${formId}-title`}
        onSubmit={kit.submit(
          () =>
            api.put<Loaded>('/api/public-profile', {
              organizationName: v.organizationName.trim(),
              address: v.address.trim(),
              representative: v.representative.trim(),
              requestProcedure: v.requestProcedure.trim(),
              fees: v.fees.trim(),
              securityMeasures: v.securityMeasures.trim(),
              complaintContact: v.complaintContact.trim(),
              privacyPolicy: v.privacyPolicy.trim() || null,
              published: v.published,
            }),
          {
            check: () => {
              const out: Record<string, string> = {};
              for (const [key, label] of Object.entries(LABELS)) {
                if (!v[key as keyof typeof LABELS].trim()) out[key] = `「${label}」を入力してください`;
              }
              return out;
            },
            after: (next) => onSaved(next as Loaded),
          },
        )}
      >
        <fieldset className="form-part">
          <legend>事業者</legend>
          <TextInput kit={kit} name="organizationName" label={LABELS.organizationName} required />
          <TextInput kit={kit} name="address" label={LABELS.address} required />
          <TextInput kit={kit} name="representative" label={LABELS.representative} hint="例: 会長 〇〇 〇〇" required />
        </fieldset>
        <TextAreaInput
          kit={kit}
          name="requestProcedure"
          label={LABELS.requestProcedure}
          hint="開示、訂正・追加・削除、利用停止・消去、第三者提供の停止の請求の受付窓口、必要な書類、本人確認の方法、決定までの期間など。"
          required
          rows={6}
        />
        <TextAreaInput
          kit={kit}
          name="fees"
          label={LABELS.fees}
          hint="例: 開示請求の手数料は無料。写しの交付は実費（白黒1枚10円）"
          required
          rows={2}
        />
        <TextAreaInput
          kit={kit}
          name="securityMeasures"
          label={LABELS.securityMeasures}
          hint="組織的・人的・物理的・技術的な安全管理措置。公表すると安全管理に支障がある事項は書きません。"
          required
          rows={6}
        />
        <TextAreaInput kit={kit} name="complaintContact" label={LABELS.complaintContact} required rows={3} />
        <TextAreaInput kit={kit} name="privacyPolicy" label="個人情報保護方針" rows={4} />
        <CheckInput
          kit={kit}
          name="published"
          label="公表する"
          hint="公表すると、利用目的、関係機関、共同利用、個人情報ファイル簿（公表するもの）と合わせて公表ページに掲載します。"
        />
        <SubmitRow busy={kit.busy} label="保存する" busyLabel="保存しています…" />
      </KitForm>
    </section>
  );
}

/** For staff who may read but not change it. */
function ProfileView({ loaded }: { loaded: Loaded }) {
  const p = loaded.profile;
  if (!p) return <p>公表事項はまだ登録されていません。</p>;
  const rows: [string, string | null][] = [
    [LABELS.organizationName, p.organizationName],
    [LABELS.address, p.address],
    [LABELS.representative, p.representative],
    [LABELS.requestProcedure, p.requestProcedure],
    [LABELS.fees, p.fees],
    [LABELS.securityMeasures, p.securityMeasures],
    [LABELS.complaintContact, p.complaintContact],
    ['個人情報保護方針', p.privacyPolicy],
    ['公表', p.published ? '公表している' : '公表していない'],
  ];
  return (
    <section className="card" aria-labelledby="public-profile-view">
      <h2 id="public-profile-view">公表する内容</h2>
      <dl className="detail-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="pre-line">{value ?? <span className="muted">記載なし</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
