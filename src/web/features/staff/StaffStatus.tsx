import type { StaffItem } from '../../types';

/** An account's states as labelled badges (text, not colour alone). */
export function StaffStatus({ staff }: { staff: StaffItem }) {
  return (
    <ul className="badge-list">
      {staff.disabled ? <li className="badge badge--danger">利用停止中</li> : null}
      {staff.locked ? <li className="badge badge--warn">ロック中</li> : null}
      {staff.mustChangePassword ? <li className="badge badge--info">初回パスワード変更待ち</li> : null}
      {staff.mfaEnabled ? (
        <li className="badge badge--ok">二段階認証 設定済み</li>
      ) : (
        <li className="badge badge--neutral">二段階認証 未設定</li>
      )}
    </ul>
  );
}
