import type { ReactElement } from 'react';
import { Button, Confirm, useTranslate } from 'react-admin';
import { ActionError } from './action-error';
import { useDialogAction } from './use-dialog-action';

interface ConfirmActionProps {
  label: string;
  title: string;
  content: string;
  icon?: ReactElement;
  color?: 'primary' | 'error' | 'warning' | 'inherit';
  /** The API call; a refusal is shown as the API's reason and the dialog stays open to retry */
  action: () => Promise<unknown>;
  success: string;
  onDone?: () => void;
}

/** A button that asks first, calls the API, and says plainly whether it worked. */
export function ConfirmAction({ label, title, content, icon, color = 'primary', action, success, onDone }: ConfirmActionProps) {
  const translate = useTranslate();
  const dialog = useDialogAction();
  const confirm = () =>
    dialog.run(async () => {
      await action();
      onDone?.();
      return success;
    });
  return (
    <>
      <Button
        label={label}
        color={color}
        onClick={(event) => {
          event.stopPropagation();
          dialog.show();
        }}
      >
        {icon}
      </Button>
      <Confirm
        isOpen={dialog.open}
        loading={dialog.busy}
        title={title}
        content={
          <>
            {translate(content)}
            <ActionError message={dialog.refusal} />
          </>
        }
        onConfirm={confirm}
        onClose={dialog.close}
      />
    </>
  );
}
