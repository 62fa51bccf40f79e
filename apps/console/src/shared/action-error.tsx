import Alert from '@mui/material/Alert';

/**
 * An action's refusal inside its own dialog, where the person is looking: a notice at the bottom
 * of the screen may still be showing the previous action's "saved" for a few seconds.
 */
export function ActionError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert severity="error" role="alert" sx={{ mt: 2 }}>
      {message}
    </Alert>
  );
}
