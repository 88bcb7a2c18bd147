import { useTranslation } from 'react-i18next';
import { CircleAlert, CircleCheck, X } from 'lucide-react';
import {
  Button as AriaButton,
  Text,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as AriaToastRegion,
} from 'react-aria-components';

export type ToastContentValue = {
  title: string;
  description?: string;
  tone?: 'success' | 'danger' | 'neutral';
  /** One action, typically Undo: pressing it runs it and closes the toast. */
  action?: { label: string; onAction: () => void };
};

// One queue for the app: a toast can be raised from any handler, not only from inside a component.
const queue = new ToastQueue<ToastContentValue>({ maxVisibleToasts: 3 });

/**
 * Says that something happened. A toast closes itself after a while (longer when it offers an action, and never
 * while the pointer or the focus is on it); F6 moves the focus to the toasts, as in the library.
 */
export const showToast = (content: ToastContentValue): string => queue.add(content, { timeout: content.action ? 10_000 : 5_000 });

export const closeToast = (key: string): void => queue.close(key);

/** Where toasts appear (bottom right); rendered once, at the app's root. */
export const ToastRegion = () => {
  const { t } = useTranslation('ui');
  return (
    <AriaToastRegion queue={queue} className="ui-toast-region" aria-label={t('toast.region')}>
      {({ toast }) => (
        <AriaToast toast={toast} className={`ui-toast ui-toast--${toast.content.tone ?? 'neutral'}`} data-testid="toast">
          {toast.content.tone === 'success' && <CircleCheck className="ui-toast-icon" size={18} aria-hidden="true" />}
          {toast.content.tone === 'danger' && <CircleAlert className="ui-toast-icon" size={18} aria-hidden="true" />}
          <ToastContent className="ui-toast-content">
            <Text slot="title" className="ui-toast-title">
              {toast.content.title}
            </Text>
            {toast.content.description && (
              <Text slot="description" className="ui-toast-description">
                {toast.content.description}
              </Text>
            )}
          </ToastContent>
          {toast.content.action && (
            <AriaButton
              className="ui-button ui-button--quiet ui-button--small ui-toast-action"
              onPress={() => {
                toast.content.action?.onAction();
                queue.close(toast.key);
              }}
            >
              {toast.content.action.label}
            </AriaButton>
          )}
          <AriaButton slot="close" className="ui-button ui-icon-button ui-button--quiet ui-button--small" aria-label={t('toast.dismiss')}>
            <X size={16} aria-hidden="true" />
          </AriaButton>
        </AriaToast>
      )}
    </AriaToastRegion>
  );
};
