import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog as AriaDialog, Heading, Input, Label, Modal, ModalOverlay, TextField } from 'react-aria-components';
import { Button } from './button';

type DialogProps = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  /** The buttons at the bottom, the main one last. */
  footer?: ReactNode;
  /** alertdialog for a question that needs an answer (nothing but its buttons closes it by pointer). */
  role?: 'dialog' | 'alertdialog';
  size?: 'small' | 'medium';
  testId?: string;
};

/**
 * A modal dialog: focus moves in and stays in (Tab wraps inside), Escape closes it, and on closing focus
 * returns to what opened it.
 */
export const Dialog = ({ isOpen, onOpenChange, title, children, footer, role = 'dialog', size = 'medium', testId }: DialogProps) => (
  <ModalOverlay className="ui-modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={role === 'dialog'} isKeyboardDismissDisabled={false}>
    <Modal className={`ui-modal ui-modal--${size}`}>
      <AriaDialog className="ui-dialog" role={role} data-testid={testId}>
        <Heading slot="title" className="ui-dialog-title">
          {title}
        </Heading>
        <div className="ui-dialog-body">{children}</div>
        {footer && <div className="ui-dialog-footer">{footer}</div>}
      </AriaDialog>
    </Modal>
  </ModalOverlay>
);

export type ConfirmOptions = {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** danger: the confirm button is red and Cancel has the focus, so Enter alone never deletes. */
  tone?: 'danger' | 'primary';
};

type ConfirmDialogProps = ConfirmOptions & { isOpen: boolean; onConfirm: () => void; onCancel: () => void; testId?: string };

/** A question with two answers, in the app's language (window.confirm shows the system's OK and Cancel, in English). */
export const ConfirmDialog = ({ isOpen, title, body, confirmLabel, cancelLabel, tone = 'primary', onConfirm, onCancel, testId = 'confirm-dialog' }: ConfirmDialogProps) => {
  const { t } = useTranslation('ui');
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => !open && onCancel()}
      title={title}
      role="alertdialog"
      size="small"
      testId={testId}
      footer={
        <>
          <Button variant="secondary" onPress={onCancel} autoFocus={tone === 'danger'} data-testid="confirm-cancel">
            {cancelLabel ?? t('dialog.cancel')}
          </Button>
          <Button variant={tone === 'danger' ? 'danger' : 'primary'} onPress={onConfirm} autoFocus={tone !== 'danger'} data-testid="confirm-accept">
            {confirmLabel}
          </Button>
        </>
      }
    >
      {body}
    </Dialog>
  );
};

type Ask = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Ask | null>(null);

/** Holds the one confirmation that can be open at a time, for useConfirm. */
export const ConfirmProvider = ({ children }: { children: ReactNode }) => {
  const [request, setRequest] = useState<ConfirmOptions | null>(null);
  const answer = useRef<((confirmed: boolean) => void) | null>(null);
  const ask = useCallback<Ask>(
    (options) =>
      new Promise<boolean>((resolve) => {
        // A second question while one is open answers the first with "no" rather than leaving it hanging.
        answer.current?.(false);
        answer.current = resolve;
        setRequest(options);
      }),
    [],
  );
  const settle = (confirmed: boolean) => {
    answer.current?.(confirmed);
    answer.current = null;
    setRequest(null);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {request && <ConfirmDialog {...request} isOpen onConfirm={() => settle(true)} onCancel={() => settle(false)} />}
    </ConfirmContext.Provider>
  );
};

/** `await confirm({...})` in place of window.confirm: true when the user confirmed. */
export const useConfirm = (): Ask => {
  const ask = useContext(ConfirmContext);
  return useMemo(() => ask ?? (() => Promise.reject(new Error('useConfirm needs a ConfirmProvider above it'))), [ask]);
};

type PromptDialogProps = {
  isOpen: boolean;
  title: string;
  /** The field's label. */
  label: string;
  confirmLabel: string;
  onSubmit: (value: string) => void;
  onCancel: () => void;
  testId?: string;
};

/**
 * Asks for one line of text (a name), in place of window.prompt: Enter confirms, Escape cancels, and an empty
 * answer cannot be confirmed.
 */
export const PromptDialog = ({ isOpen, title, label, confirmLabel, onSubmit, onCancel, testId = 'prompt-dialog' }: PromptDialogProps) => {
  const { t } = useTranslation('ui');
  const [value, setValue] = useState('');
  const answer = value.trim();
  const close = (): void => {
    setValue('');
    onCancel();
  };
  const submit = (): void => {
    if (!answer) return;
    setValue('');
    onSubmit(answer);
  };
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => !open && close()}
      title={title}
      size="small"
      testId={testId}
      footer={
        <>
          <Button variant="secondary" onPress={close} data-testid="prompt-cancel">
            {t('dialog.cancel')}
          </Button>
          <Button variant="primary" isDisabled={!answer} onPress={submit} data-testid="prompt-accept">
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField className="field" value={value} onChange={setValue} autoFocus>
          <Label className="field-label">{label}</Label>
          <Input data-testid="prompt-input" />
        </TextField>
      </form>
    </Dialog>
  );
};
