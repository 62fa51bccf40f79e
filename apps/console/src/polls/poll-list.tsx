import { Datagrid, FunctionField, List, TextField, useDataProvider, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleActions } from '../api/data-provider';
import { ConfirmAction } from '../shared/confirm-action';
import { InstantField } from '../shared/instant-field';
import { useGymClock } from '../shared/gym-clock';

interface Poll {
  id: number;
  head: string;
  endTime: string | null;
  questions: Array<{ voteCount: number }>;
}

/** Open until its end time, by the API's clock (`GET /gym`), not the browser's. */
const isOpen = (poll: Poll, now: string | undefined) =>
  poll.endTime === null || new Date(poll.endTime).getTime() > new Date(now ?? Date.now()).getTime();

function CloseButton() {
  const poll = useRecordContext<Poll>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleActions & ReturnType<typeof useDataProvider>>();
  const now = useGymClock()?.now;
  if (!poll || !isOpen(poll, now)) return null;
  return (
    <ConfirmAction
      label="console.polls.close"
      color="warning"
      title="console.polls.close"
      content={translate('console.polls.closeConfirm', { name: poll.head })}
      action={() => dataProvider.closePoll(poll.id)}
      success="console.polls.closedNow"
      onDone={refresh}
    />
  );
}

/** Polls newest first, open or closed, with their votes; an open one can be closed now. */
export function PollList() {
  const translate = useTranslate();
  const now = useGymClock()?.now;
  return (
    <List exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="head" sortable={false} />
        <TextField source="owner.username" label={translate('resources.polls.fields.owner')} sortable={false} />
        <InstantField source="endTime" sortable={false} />
        <FunctionField
          source="status"
          sortable={false}
          render={(poll: Poll) => translate(isOpen(poll, now) ? 'console.polls.open' : 'console.polls.closed')}
        />
        <FunctionField
          source="votes"
          sortable={false}
          render={(poll: Poll) => poll.questions.reduce((sum, question) => sum + question.voteCount, 0)}
        />
        <CloseButton />
      </Datagrid>
    </List>
  );
}
