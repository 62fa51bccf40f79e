import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';

/** Where a member lands after signing in here: what this is and where to go instead. */
export function StaffOnlyPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const user = new URLSearchParams(useLocation().search).get('user') ?? '';
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'grey.100' }}>
      <Card sx={{ maxWidth: 480 }} role="alert">
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('console.staffOnly.title')}
          </Typography>
          <Typography sx={{ mb: 2 }}>{translate('console.staffOnly.body', { user: user || '—' })}</Typography>
          <Button variant="contained" onClick={() => navigate('/login')}>
            {translate('console.staffOnly.again')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}
