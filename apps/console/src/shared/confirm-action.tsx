import { useState, type ReactElement } from 'react';
import { Button, Confirm, useNotify, useTranslate } from 'react-admin';
import { ActionError } from './action-error';

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
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const notify = useNotify();
  const translate = useTranslate();
  const run = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await action();
      setOpen(false);
      notify(success, { type: 'success' });
      onDone?.();
    } catch (error) {
      setRefusal((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        label={label}
        color={color}
        onClick={(event) => {
          event.stopPropagation();
          setRefusal(undefined);
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={title}
        content={
          <>
            {translate(content)}
            <ActionError message={refusal} />
          </>
        }
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
