// 個人情報保護: where the privacy work of the agency is done, each link shown only
// to those whose roles allow it.

import { Link } from 'react-router';
import { Page } from '../../components/Page';
import type { Permission } from '../../types';
import { useSignedIn } from '../auth/useSession';

interface Entry {
  to: string;
  label: string;
  description: string;
  permission: Permission;
}

const ENTRIES: readonly Entry[] = [
  {
    to: '/privacy/provisions',
    label: '提供の承認',
    description: '同意によらない関係機関への提供について、根拠と理由を確認して承認又は不承認を決めます。',
    permission: 'provision.approve',
  },
  {
    to: '/privacy/out-of-purpose',
    label: '目的外利用・提供の申請',
    description: '目的外の利用・提供の申請に、窓口の意見、審議会への諮問と答申、決定を記録します。',
    permission: 'privacy.manage',
  },
  {
    to: '/exports',
    label: '書き出し（持出し）',
    description: '相談者一覧の書き出しを求め、承認されたら作成します。2人以上の書き出しは別の職員の承認が必要です。',
    permission: 'consultee.read',
  },
  {
    to: '/privacy/purposes',
    label: '利用目的',
    description: '個人情報の利用目的と、その変更の履歴・公表文です。',
    permission: 'privacy.reference',
  },
  {
    to: '/privacy/agencies',
    label: '関係機関・関係者',
    description: '提供先・受領元となる関係機関の一覧です。',
    permission: 'privacy.reference',
  },
  {
    to: '/privacy/register',
    label: '個人情報ファイル簿',
    description: '個人情報を取り扱う事務の登録簿（開始・変更・廃止の履歴、印刷・公表）です。',
    permission: 'privacy.manage',
  },
  {
    to: '/privacy/joint-use',
    label: '共同利用',
    description: '共同利用の公表事項と、その変更の通知・公表の期限です。',
    permission: 'privacy.manage',
  },
  {
    to: '/privacy/public-profile',
    label: '公表事項',
    description: '事業者の名称・住所・代表者、開示等の請求の手続、安全管理措置、苦情の申出先など、公表する内容です。',
    permission: 'privacy.manage',
  },
];

export function PrivacyHomePage() {
  const { can } = useSignedIn();
  const entries = ENTRIES.filter((e) => can(e.permission));
  return (
    <Page title="個人情報保護" lead="個人情報の利用目的、提供、持出し、公表に関する業務です。">
      <ul className="link-list">
        {entries.map((e) => (
          <li key={e.to}>
            <Link to={e.to}>{e.label}</Link>
            <p className="muted small">{e.description}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
