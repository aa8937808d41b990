import { Notice } from '../../components/Notice';

/** Why the reader reaches this record; a reader who is not assigned is told that the access is recorded as such. */
export function BasisNotice({ basis, label }: { basis: string; label: string }) {
  if (basis === 'assigned') {
    return (
      <p className="basis">
        閲覧の根拠: <strong>{label}</strong>（あなたが担当しています）
      </p>
    );
  }
  return (
    <Notice kind="warning" title={`担当外の閲覧です（閲覧の根拠: ${label}）`}>
      <p>あなたはこの相談者の担当ではありません。この閲覧はアクセス記録に「担当外」のアクセスとして残ります。</p>
    </Notice>
  );
}
