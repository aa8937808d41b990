import { ACQUISITION_GROUNDS } from '../../../shared/catalog';
import { ROLES_WORKING_CASES } from '../../../server/core/policy';
import { ApiError } from '../../api';
import { CheckInput, SelectInput, TextAreaInput } from '../../components/Inputs';
import type { FormKit } from '../../components/useFormKit';

/** ACQ-2: the ground on which special-care content is recorded without the person's consent. */
export interface GroundState {
  useGround: boolean;
  acquisitionGround: string;
  groundReason: string;
}

export function groundState(
  row?: { acquisitionGround?: string | null; groundReason?: string | null } | null,
): GroundState {
  return {
    useGround: Boolean(row?.acquisitionGround),
    acquisitionGround: row?.acquisitionGround ?? '',
    groundReason: row?.groundReason ?? '',
  };
}

/** The ground for the server: only when the worker chose to record one. */
export function groundBody(s: GroundState, specialCare: boolean) {
  const on = specialCare && s.useGround;
  return {
    acquisitionGround: on && s.acquisitionGround ? s.acquisitionGround : null,
    groundReason: on && s.groundReason.trim() ? s.groundReason.trim() : null,
  };
}

export function groundProblems(s: GroundState, specialCare: boolean): Record<string, string> {
  if (!specialCare || !s.useGround) return {};
  const out: Record<string, string> = {};
  if (!s.acquisitionGround) out.acquisitionGround = '「同意によらない取得の根拠」を選んでください';
  if (!s.groundReason.trim()) out.groundReason = '同意によらずに取得する場合は、その「理由」を記録してください';
  return out;
}

/** Whether the server refused for want of consent or ground: the form then offers the ground's fields. */
export function refusedForGround(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'acquisition_refused' &&
    (error.field === 'acquisitionGround' || error.field === 'groundReason')
  );
}

/**
 * Special-care information needs the person's consent (one covering it, in force)
 * or one of the grounds the rules list, with the reason (ACQ-2). With consent
 * nothing more is asked; without it the worker records the ground here.
 */
export function GroundFields({ kit, consent }: { kit: FormKit<GroundState>; consent?: boolean }) {
  return (
    <div className="subfields ground">
      {consent === false ? (
        <p className="hint hint--warning" role="note">
          要配慮個人情報を含む有効な同意がありません。本人の同意を得て記録するか、取得の根拠と理由を記録してください。
        </p>
      ) : consent === true ? (
        <p className="hint" role="note">
          要配慮個人情報を含む本人の同意が有効です。
        </p>
      ) : null}
      <CheckInput
        kit={kit}
        name="useGround"
        label="本人の同意によらずに取得する（法令等に定める根拠による）"
        hint="要配慮個人情報を含む本人の同意が有効であれば、根拠の記入は不要です。"
      />
      {kit.values.useGround ? (
        <>
          <SelectInput
            kit={kit}
            name="acquisitionGround"
            label="同意によらない取得の根拠"
            choices={ACQUISITION_GROUNDS}
            required
          />
          <TextAreaInput kit={kit} name="groundReason" label="同意によらない取得の理由" required rows={3} />
        </>
      ) : null}
    </div>
  );
}

/**
 * Whether the reader's roles may record special-care information at all: the
 * policy gives that class to the roles that work cases, not to a clerk. The
 * server decides; this only keeps a form from offering what would be refused.
 */
export function mayRecordSpecialCare(roles: readonly string[]): boolean {
  return roles.some((r) => (ROLES_WORKING_CASES as readonly string[]).includes(r));
}
