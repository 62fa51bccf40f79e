import { useState } from 'react';
import { Button, useDataProvider, useGetList, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import MuiButton from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { ConsoleActions } from '../api/data-provider';
import { ActionError } from '../shared/action-error';

interface Car {
  id: number;
  carNumber: string;
}

interface Pallet {
  id: number;
  seq: number;
  orderCount: number;
}

/**
 * Loads the selected order lines onto a pallet of a car. The API sets a pallet's whole load for the
 * day, so the lines already on it are sent along with the new ones: loading adds, never drops.
 */
export function LoadPalletButton({ ymd }: { ymd: string }) {
  const { selectedIds } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('order-lists');
  const dataProvider = useDataProvider<ConsoleActions & ReturnType<typeof useDataProvider>>();
  const [open, setOpen] = useState(false);
  const [carId, setCarId] = useState<number | ''>('');
  const [palletId, setPalletId] = useState<number | ''>('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const { data: cars = [] } = useGetList<Car>('cars', { pagination: { page: 1, perPage: 1000 } }, { enabled: open });
  const { data: pallets = [] } = useGetList<Pallet>(
    'pallets',
    { filter: { carId, ymd }, sort: { field: 'seq', order: 'ASC' }, pagination: { page: 1, perPage: 1000 } },
    { enabled: open && carId !== '' },
  );

  const load = async () => {
    if (palletId === '') return;
    setBusy(true);
    setRefusal(undefined);
    try {
      const { data: already } = await dataProvider.getList('order-lists', {
        filter: { ymd, palletId },
        pagination: { page: 1, perPage: 10_000 },
        sort: { field: 'id', order: 'ASC' },
      });
      const ids = [...new Set([...already.map((line) => line.id as number), ...(selectedIds as number[])])];
      const loaded = await dataProvider.loadPallet(palletId, ymd, ids);
      const seq = pallets.find((pallet) => pallet.id === palletId)?.seq;
      notify(translate('console.release.loaded', { seq, count: loaded.length }), { type: 'success' });
      setOpen(false);
      unselectAll();
      refresh();
    } catch (error) {
      setRefusal((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="console.release.load" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('console.release.loadTitle', { count: selectedIds.length })}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <TextField
            select
            name="car"
            label={translate('console.release.car')}
            value={carId}
            onChange={(event) => {
              setCarId(Number(event.target.value));
              setPalletId('');
            }}
          >
            {cars.map((car) => (
              <MenuItem key={car.id} value={car.id}>
                {car.carNumber}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            name="pallet"
            label={translate('console.release.pallet')}
            value={palletId}
            disabled={carId === ''}
            onChange={(event) => setPalletId(Number(event.target.value))}
          >
            {pallets.map((pallet) => (
              <MenuItem key={pallet.id} value={pallet.id}>
                {pallet.seq} ({pallet.orderCount} {translate('console.release.orders')})
              </MenuItem>
            ))}
          </TextField>
          <ActionError message={refusal} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy || palletId === ''} onClick={load}>
            {translate('console.release.load')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
