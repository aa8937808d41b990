import { Type, type Static } from 'typebox';
import { SESSION_TIMEOUT_BOUNDS } from '../../core/sign-in.js';

export const Settings = Type.Object(
  {
    mfaRequiredForAll: Type.Boolean({ title: '全職員に二段階認証を求める' }),
    sessionIdleMinutes: Type.Integer({
      title: '無操作で自動ログアウトするまでの時間（分）',
      minimum: SESSION_TIMEOUT_BOUNDS.idleMinutes.min,
      maximum: SESSION_TIMEOUT_BOUNDS.idleMinutes.max,
    }),
    sessionAbsoluteHours: Type.Integer({
      title: 'ログインの有効時間（時間）',
      minimum: SESSION_TIMEOUT_BOUNDS.absoluteHours.min,
      maximum: SESSION_TIMEOUT_BOUNDS.absoluteHours.max,
    }),
  },
  { additionalProperties: false },
);
export type Settings = Static<typeof Settings>;
