import { useRecordContext, type FieldProps } from 'react-admin';
import Typography from '@mui/material/Typography';
import { formatInstant, useGymClock } from './gym-clock';

/** An instant of the API shown in the gym's time zone, e.g. `2026-12-01 09:41`. */
export function InstantField({ source }: FieldProps & { source: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const clock = useGymClock();
  const value = record?.[source] as string | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatInstant(value, clock?.timeZone)}
    </Typography>
  );
}
