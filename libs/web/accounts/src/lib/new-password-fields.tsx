import { TextField } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';

/** The new password and its confirmation, as the change-password card and the reset page ask for them. */
export function NewPasswordFields({ labels, value, onChange, confirmation, onConfirmationChange, error, mismatch }: {
  labels: { new: string; hint: string; confirm: string };
  value: string;
  onChange: (value: string) => void;
  confirmation: string;
  onConfirmationChange: (value: string) => void;
  error: string | undefined;
  mismatch: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={labels.new}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        hint={labels.hint}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        dir="ltr"
      />
      <TextField
        label={labels.confirm}
        type="password"
        name="confirm-new-password"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(e) => onConfirmationChange(e.target.value)}
        error={mismatch ? t('accountSecurity.password.mismatch') : undefined}
        dir="ltr"
      />
    </>
  );
}
