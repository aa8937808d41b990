// The notice of a change of a purpose of use (PUR-2), to publish or to send to the
// persons concerned (個人情報保護法 21条3項). Pure, so that the screen shows the
// same text before the change is recorded as the server records with it.

import { formatGregorian, formatWareki } from '../../shared/wareki.js';

export function purposeChangeNotice(change: { oldWording: string; newWording: string; effectiveFrom: string }): string {
  return [
    '個人情報の利用目的の変更について',
    '',
    '当機関は、ご相談者の個人情報の利用目的を、変更前の利用目的と関連性を有すると合理的に認められる範囲内で、次のとおり変更します。',
    '',
    `旧: ${change.oldWording}`,
    `新: ${change.newWording}`,
    `変更日: ${formatWareki(change.effectiveFrom)}（${formatGregorian(change.effectiveFrom)}）`,
  ].join('\n');
}
