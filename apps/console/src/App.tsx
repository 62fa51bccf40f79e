import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import EventIcon from '@mui/icons-material/Event';
import PeopleIcon from '@mui/icons-material/People';
import SellIcon from '@mui/icons-material/Sell';
import DynamicFeedIcon from '@mui/icons-material/DynamicFeed';
import HowToVoteIcon from '@mui/icons-material/HowToVote';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import ListAltIcon from '@mui/icons-material/ListAlt';
import HistoryIcon from '@mui/icons-material/History';
import { dataProvider } from './api/data-provider';
import { authProvider, STAFF_ONLY_PATH } from './auth/auth-provider';
import { StaffOnlyPage } from './auth/staff-only-page';
import { i18nProvider } from './i18n/i18n-provider';
import { Dashboard } from './dashboard/dashboard';
import { MemberList } from './members/member-list';
import { MemberShow } from './members/member-show';
import { LessonList } from './lessons/lesson-list';
import { LessonCreate, LessonEdit } from './lessons/lesson-form';
import { LessonShow } from './lessons/lesson-show';
import { PricePolicyCreate, PricePolicyList } from './price-policies/price-policies';
import { FeedList } from './feed/feed-list';
import { PollList } from './polls/poll-list';
import { CarCreate, CarList } from './release/cars';
import { OrderLinePage } from './release/order-line-page';
import { AuditList } from './audit/audit-list';

/** The staff console: every page works through the API's own routes, so its rules and audit log hold. */
export function App() {
  return (
    <Admin
      title="console.title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource name="lessons" list={LessonList} create={LessonCreate} edit={LessonEdit} show={LessonShow} icon={EventIcon} />
      <Resource name="members" list={MemberList} show={MemberShow} icon={PeopleIcon} recordRepresentation="username" />
      <Resource name="price-policies" list={PricePolicyList} create={PricePolicyCreate} icon={SellIcon} />
      <Resource name="feeds" list={FeedList} icon={DynamicFeedIcon} />
      <Resource name="polls" list={PollList} icon={HowToVoteIcon} />
      <Resource name="cars" list={CarList} create={CarCreate} icon={LocalShippingIcon} recordRepresentation="carNumber" />
      <Resource name="order-lists" list={OrderLinePage} icon={ListAltIcon} />
      <Resource name="audit" list={AuditList} icon={HistoryIcon} />
      <CustomRoutes noLayout>
        <Route path={STAFF_ONLY_PATH} element={<StaffOnlyPage />} />
      </CustomRoutes>
    </Admin>
  );
}
