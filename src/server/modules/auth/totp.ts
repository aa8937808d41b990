// TOTP second factor (RFC 6238, 30-second steps, 6 digits), compatible with the
// usual authenticator apps. A used step is remembered so a code cannot be replayed.

import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export function newTotpSecret(): string {
  return generateSecret();
}

export interface TotpCheck {
  valid: boolean;
  timeStep: number | null;
}

/** Accepts the current step and one step either side (clock drift), never a step at or before `afterTimeStep`. */
export async function checkTotp(secret: string, code: string, afterTimeStep: number | null): Promise<TotpCheck> {
  if (!/^[0-9]{6}$/.test(code)) return { valid: false, timeStep: null };
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  const step = (result as { timeStep?: number }).timeStep;
  return { valid: result.valid, timeStep: result.valid && typeof step === 'number' ? step : null };
}

export async function enrolmentDetails(secret: string, issuer: string, account: string) {
  const uri = generateURI({ issuer, label: account, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, qrSvg, secret };
}
