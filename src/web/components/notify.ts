import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/**
 * Shows a notification whose close button says what it does: Mantine's has no accessible name of
 * its own, which screen-reader users (and axe) would meet on every page that confirms an action.
 */
export function notify(t: TFunction, o: { color: 'green' | 'red'; message: string; title?: string }) {
  notifications.show({ ...o, closeButtonProps: { 'aria-label': t('actions.close') } });
}
