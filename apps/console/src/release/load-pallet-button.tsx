import { useState } from 'react';
import { Button, useDataProvider, useGetList, useListContext, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import MuiButton from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { ConsoleActions } from '../api/data-provider';
import { ActionError } from '../shared/action-error';
import { useDialogAction } from '../shared/use-dialog-action';

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
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('order-lists');
  const dataProvider = useDataProvider<ConsoleActions & ReturnType<typeof useDataProvider>>();
  const dialog = useDialogAction();
  const open = dialog.open;
  const [carId, setCarId] = useState<number | ''>('');
  const [palletId, setPalletId] = useState<number | ''>('');
  const { data: cars = [] } = useGetList<Car>('cars', { pagination: { page: 1, perPage: 1000 } }, { enabled: open });
  const { data: pallets = [] } = useGetList<Pallet>(
    'pallets',
    { filter: { carId, ymd }, sort: { field: 'seq', order: 'ASC' }, pagination: { page: 1, perPage: 1000 } },
    { enabled: open && carId !== '' },
  );

  const load = () =>
    dialog.run(async () => {
      if (palletId === '') return '';
      const { data: already } = await dataProvider.getList('order-lists', {
        filter: { ymd, palletId },
        pagination: { page: 1, perPage: 10_000 },
        sort: { field: 'id', order: 'ASC' },
      });
      const ids = [...new Set([...already.map((line) => line.id as number), ...(selectedIds as number[])])];
      const loaded = await dataProvider.loadPallet(palletId, ymd, ids);
      const seq = pallets.find((pallet) => pallet.id === palletId)?.seq;
      unselectAll();
      refresh();
      return translate('console.release.loaded', { seq, count: loaded.length });
    });

  return (
    <>
      <Button label="console.release.load" onClick={dialog.show} />
      <Dialog open={open} onClose={dialog.close} fullWidth maxWidth="xs">
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
          <ActionError message={dialog.refusal} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={dialog.close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={dialog.busy || palletId === ''} onClick={load}>
            {translate('console.release.load')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
