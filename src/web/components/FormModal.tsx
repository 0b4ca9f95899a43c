import type { ReactNode } from 'react';
import { Button, Group, Stack, type MantineColor, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';
import { WriteError } from './WriteError';

interface FormModalProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void | Promise<void>;
  /** From useWrite: the request in flight and why the last one failed. */
  busy: boolean;
  error: string | null;
  submitLabel: string;
  submitColor?: MantineColor;
  /** False while the form is not complete: the submit button waits. */
  canSubmit?: boolean;
  /** The form checks its fields itself (and shows each field's error) instead of the browser's bubbles. */
  noValidate?: boolean;
  size?: ModalProps['size'];
  children: ReactNode;
}

/**
 * A dialog that is one form: its fields, the error from the last try (announced at once), Cancel
 * and a submit button that is busy while the request runs. Enter submits, Esc cancels.
 */
export function FormModal({
  title,
  onClose,
  onSubmit,
  busy,
  error,
  submitLabel,
  submitColor,
  canSubmit = true,
  noValidate,
  size,
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={onClose} title={title} size={size}>
      <form
        noValidate={noValidate}
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit && !busy) void onSubmit();
        }}
      >
        <Stack gap="md">
          <WriteError error={error} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!canSubmit} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
