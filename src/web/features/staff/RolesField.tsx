import { FieldSet } from '../../components/FieldSet';
import { ROLE_LABELS, ROLES, ROLES_REQUIRING_MFA } from '../../labels';
import type { Role } from '../../types';

interface RolesFieldProps {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}

export const ROLES_FIRST_ID = `role-${ROLES[0]}`;

export function RolesField({ value, onChange, error }: RolesFieldProps) {
  const toggle = (role: Role, checked: boolean) => {
    const next = checked ? [...value, role] : value.filter((r) => r !== role);
    onChange(ROLES.filter((r) => next.includes(r)));
  };
  return (
    <FieldSet id="roles" legend="役割" hint="1つ以上選んでください。複数選べます。" error={error} required>
      <div className="checkbox-grid">
        {ROLES.map((role) => (
          <div className="checkbox" key={role}>
            <input
              id={`role-${role}`}
              type="checkbox"
              checked={value.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
            />
            <label htmlFor={`role-${role}`}>
              {ROLE_LABELS[role]}
              {ROLES_REQUIRING_MFA.includes(role) ? <span className="label-note">二段階認証が必須</span> : null}
            </label>
          </div>
        ))}
      </div>
    </FieldSet>
  );
}
