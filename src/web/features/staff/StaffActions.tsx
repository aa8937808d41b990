import { useRef, useState, type ReactNode } from 'react';
import { api } from '../../api';
import { ConfirmAction } from '../../components/ConfirmAction';
import { problemFrom, type FormProblem } from '../../components/formProblem';
import { Notice } from '../../components/Notice';
import type { StaffItem } from '../../types';
import { OneTimePasswordPanel } from './OneTimePasswordPanel';

type ActionPath = 'disable' | 'enable' | 'reset-password' | 'reset-mfa' | 'unlock';

interface ActionResult {
  staff: StaffItem;
  oneTimePassword?: string;
}

interface StaffActionsProps {
  staff: StaffItem;
  isSelf: boolean;
  onChanged: (staff: StaffItem) => void;
}

const DONE: Record<ActionPath, string> = {
  disable: '利用を停止しました。ログイン中の画面もすべて終了しました。',
  enable: '利用を再開しました。',
  'reset-password': 'パスワードを再発行しました。ログイン中の画面はすべて終了しました。',
  'reset-mfa': '二段階認証を解除しました。次回のログインで設定し直します。',
  unlock: 'ロックを解除しました。',
};

/** Account operations, each behind a confirmation. */
export function StaffActions({ staff, isSelf, onChanged }: StaffActionsProps) {
  const [done, setDone] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const name = staff.displayName;
  const heading = useRef<HTMLHeadingElement>(null);

  const act = async (path: ActionPath) => {
    setDone(null);
    setProblem(null);
    setPassword(null);
    try {
      const result = await api.post<ActionResult>(`/api/admin/staff/${encodeURIComponent(staff.staffId)}/${path}`, {});
      onChanged(result.staff);
      setDone(DONE[path]);
      // The button pressed may be gone (利用停止 becomes 利用再開): bring focus back to this section.
      if (result.oneTimePassword) setPassword(result.oneTimePassword);
      else heading.current?.focus();
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title" ref={heading} tabIndex={-1}>
        アカウントの操作
      </h2>
      {problem ? <Notice kind="error">{problem.message}</Notice> : null}
      {done && !password ? <Notice kind="success">{done}</Notice> : null}
      {password ? (
        <OneTimePasswordPanel
          title="再発行した仮パスワード"
          staffName={staff.displayName}
          login={staff.login}
          password={password}
        />
      ) : null}
      <div className="action-list">
        {staff.locked ? (
          <ActionItem description="パスワードを続けて誤ったためロックされています。本人確認のうえで解除してください。">
            <ConfirmAction
              label="ロック解除"
              question={`${name}さんのロックを解除します。よろしいですか。`}
              confirmLabel="ロックを解除する"
              onConfirm={() => act('unlock')}
            />
          </ActionItem>
        ) : null}
        <ActionItem description="新しい仮パスワードを発行します。今のパスワードは使えなくなり、ログイン中の画面は終了します。">
          <ConfirmAction
            label="パスワード再発行"
            question={`${name}さんのパスワードを再発行します。今のパスワードは使えなくなります。よろしいですか。`}
            confirmLabel="パスワードを再発行する"
            danger
            onConfirm={() => act('reset-password')}
          />
        </ActionItem>
        {staff.mfaEnabled && !isSelf ? (
          <ActionItem description="スマートフォンの紛失・機種変更のときに使います。次回ログイン時に設定し直します。">
            <ConfirmAction
              label="二段階認証の解除"
              question={`${name}さんの二段階認証を解除します。本人確認は済んでいますか。`}
              confirmLabel="二段階認証を解除する"
              danger
              onConfirm={() => act('reset-mfa')}
            />
          </ActionItem>
        ) : null}
        {staff.disabled ? (
          <ActionItem description="再びログインできるようにします。">
            <ConfirmAction
              label="利用再開"
              question={`${name}さんの利用を再開します。よろしいですか。`}
              confirmLabel="利用を再開する"
              onConfirm={() => act('enable')}
            />
          </ActionItem>
        ) : !isSelf ? (
          <ActionItem description="退職・異動・長期休暇のときに使います。ログインできなくなり、ログイン中の画面も終了します。">
            <ConfirmAction
              label="利用停止"
              question={`${name}さんの利用を停止します。ログインできなくなります。よろしいですか。`}
              confirmLabel="利用を停止する"
              danger
              onConfirm={() => act('disable')}
            />
          </ActionItem>
        ) : null}
      </div>
      {isSelf ? <p className="muted small">ご自身のアカウントの利用停止と二段階認証の解除はできません。</p> : null}
    </section>
  );
}

function ActionItem({ description, children }: { description: string; children: ReactNode }) {
  return (
    <div className="action-item">
      <div className="action-button">{children}</div>
      <p className="action-description">{description}</p>
    </div>
  );
}
