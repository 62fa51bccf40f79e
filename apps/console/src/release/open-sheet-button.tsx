import { useState } from 'react';
import { Button, useGetList, useTranslate } from 'react-admin';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import PrintIcon from '@mui/icons-material/Print';

/**
 * Opens the printable release sheet of a car for the day in a new tab. The sheet is a staff page
 * signed in by the session cookie the API set at sign-in (and renews with each token refresh).
 */
export function OpenSheetButton({ ymd }: { ymd: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const translate = useTranslate();
  const { data: cars = [] } = useGetList<{ id: number; carNumber: string }>(
    'cars',
    { pagination: { page: 1, perPage: 1000 } },
    { enabled: anchor !== null },
  );
  return (
    <>
      <Button label="console.release.openSheet" onClick={(event) => setAnchor(event.currentTarget)}>
        <PrintIcon />
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {cars.map((car) => (
          <MenuItem
            key={car.id}
            component="a"
            href={`/release/report?carId=${car.id}&ymd=${ymd}`}
            target="_blank"
            rel="noopener"
            onClick={() => setAnchor(null)}
          >
            {translate('console.release.car')} {car.carNumber}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
