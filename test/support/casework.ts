// Driving cases through the API as a worker would: registering a consultee with
// consent, and applying the steps of the sample forms one by one.

import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './world.js';
import { sampleConsent, stepsTo, type SampleStep } from '../../src/server/tenancy/sample-forms.js';

export async function apply(client: Client, caseId: string, step: SampleStep): Promise<LightMyRequestResponse> {
  if ('form' in step) {
    return client.request({ method: step.method, url: `/api/cases/${caseId}/${step.form}`, payload: step.body });
  }
  if ('move' in step) return client.post(`/api/cases/${caseId}/transitions`, { transition: step.move });
  return client.request({
    method: 'PUT',
    url: `/api/cases/${caseId}/screening`,
    payload: { screeningResult: step.screening, referralDestination: step.referralDestination ?? null },
  });
}

/** Applies every step, failing the test with the answer of the first that is refused. */
export async function applyAll(client: Client, caseId: string, steps: readonly SampleStep[]): Promise<void> {
  for (const step of steps) {
    const res = await apply(client, caseId, step);
    expect(res.statusCode, `${JSON.stringify(step).slice(0, 80)} → ${res.body}`).toBe(200);
  }
}

let serial = 0;

/** Registers a new consultee (with oral consent covering special-care data) and returns the ids. */
export async function registerWithConsent(
  client: Client,
  overrides: Record<string, unknown> = {},
): Promise<{ consulteeId: string; caseId: string }> {
  serial++;
  const res = await client.post('/api/consultees', {
    familyName: '見本',
    givenName: `一郎${serial}`,
    familyNameKana: 'ミホン',
    givenNameKana: `イチロウ${'ア'.repeat(serial % 5)}`,
    birthDate: `1980-0${(serial % 9) + 1}-1${serial % 10}`,
    program: 'self_reliance',
    openedOn: '2026-04-01',
    consent: sampleConsent('2026-04-01'),
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A new case driven to the status, by the client (who becomes its lead). */
export async function caseAt(client: Client, status: string): Promise<{ consulteeId: string; caseId: string }> {
  const ids = await registerWithConsent(client);
  await applyAll(client, ids.caseId, stepsTo(status, '2026-04-01'));
  return ids;
}
