import { useTranslation } from 'react-i18next';
import { limits } from '../../shared/limits';
import { PasswordField } from './PasswordField';

interface NewPasswordFieldsProps {
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  passwordError?: string | undefined;
  confirmError?: string | undefined;
}

/** A new password and its confirmation, with the length rule shown: the same in every form that sets one. */
export function NewPasswordFields(p: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('fields.newPassword')}
        description={t('fields.passwordRule', { min: limits.passwordMin })}
        autoComplete="new-password"
        required
        value={p.password}
        onChange={(e) => p.onPassword(e.currentTarget.value)}
        error={p.passwordError}
      />
      <PasswordField
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        value={p.confirm}
        onChange={(e) => p.onConfirm(e.currentTarget.value)}
        error={p.confirmError}
      />
    </>
  );
}
