import { useState } from 'react';
import { useNotify } from 'react-admin';

export interface DialogAction {
  open: boolean;
  busy: boolean;
  /** The API's refusal of the last try, shown in the dialog (ActionError) */
  refusal: string | undefined;
  show(): void;
  close(): void;
  /** Runs the call: on success the dialog closes and `success` is announced; a refusal keeps it open to retry. */
  run(call: () => Promise<string>): Promise<void>;
}

/** The state every action dialog of the console shares: open, busy, and the refusal to show. */
export function useDialogAction(): DialogAction {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  return {
    open,
    busy,
    refusal,
    show() {
      setRefusal(undefined);
      setOpen(true);
    },
    close() {
      setOpen(false);
    },
    async run(call) {
      setBusy(true);
      setRefusal(undefined);
      try {
        const success = await call();
        setOpen(false);
        notify(success, { type: 'success' });
      } catch (error) {
        setRefusal((error as Error).message);
      } finally {
        setBusy(false);
      }
    },
  };
}
