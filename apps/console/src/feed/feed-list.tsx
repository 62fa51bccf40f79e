import {
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  TextField,
  useDelete,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ConfirmAction } from '../shared/confirm-action';
import { InstantField } from '../shared/instant-field';

const FEED_TYPES = ['post', 'game', 'team'].map((id) => ({ id, name: `choices.feedType.${id}` }));

interface FeedItem {
  id: number;
  type: string;
  title?: string;
  body?: string;
  gameName?: string;
  gameLocation?: string;
  roomName?: string;
}

function summary(item: FeedItem): string {
  if (item.type === 'post') return `${item.title ?? ''} — ${(item.body ?? '').slice(0, 80)}`;
  if (item.type === 'game') return `${item.gameName ?? ''} @ ${item.gameLocation ?? ''}`;
  return item.roomName ?? '';
}

function RemoveButton() {
  const item = useRecordContext<FeedItem>();
  const refresh = useRefresh();
  const [remove] = useDelete();
  if (!item) return null;
  return (
    <ConfirmAction
      label="console.feed.remove"
      color="error"
      title="console.feed.remove"
      content="console.feed.removeConfirm"
      action={() => remove('feeds', { id: item.id, previousData: item }, { mutationMode: 'pessimistic', returnPromise: true })}
      success="ra.notification.deleted"
      onDone={refresh}
    />
  );
}

/** The members' feed by type, newest first; an item removed goes with its likes and joins. */
export function FeedList() {
  const translate = useTranslate();
  return (
    <List filters={[<SelectInput key="type" source="type" choices={FEED_TYPES} alwaysOn />]} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <InstantField source="createdAt" sortable={false} />
        <SelectField source="type" choices={FEED_TYPES} sortable={false} />
        <TextField source="author.username" label={translate('resources.feeds.fields.author')} sortable={false} />
        <FunctionField source="summary" sortable={false} render={summary} />
        <NumberField source="likeCount" sortable={false} />
        <NumberField source="joinedCount" sortable={false} />
        <RemoveButton />
      </Datagrid>
    </List>
  );
}
