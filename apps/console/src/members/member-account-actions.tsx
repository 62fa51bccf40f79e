import { useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { ConfirmAction } from '../shared/confirm-action';

interface Member {
  id: number;
  username: string;
  isStaff: boolean;
  isActive: boolean;
}

/**
 * Deactivate or reactivate an account, give or take staff rights: `PATCH /users/:id`, audited. The
 * API refuses to leave the gym without active staff (LAST_STAFF); the refusal is shown as such.
 */
export function MemberAccountActions() {
  const member = useRecordContext<Member>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [update] = useUpdate();
  if (!member) return null;
  const patch = (data: Partial<Member>) =>
    update('members', { id: member.id, data, previousData: member }, { mutationMode: 'pessimistic', returnPromise: true });
  const name = { name: member.username };
  return (
    <>
      {member.isActive ? (
        <ConfirmAction
          label="console.members.deactivate"
          color="error"
          title="console.members.deactivate"
          content={translate('console.members.confirmDeactivate', name)}
          action={() => patch({ isActive: false })}
          success="ra.notification.updated"
          onDone={refresh}
        />
      ) : (
        <ConfirmAction
          label="console.members.reactivate"
          title="console.members.reactivate"
          content={translate('console.members.confirmReactivate', name)}
          action={() => patch({ isActive: true })}
          success="ra.notification.updated"
          onDone={refresh}
        />
      )}
      {member.isStaff ? (
        <ConfirmAction
          label="console.members.removeStaff"
          color="warning"
          title="console.members.removeStaff"
          content={translate('console.members.confirmRemoveStaff', name)}
          action={() => patch({ isStaff: false })}
          success="ra.notification.updated"
          onDone={refresh}
        />
      ) : (
        <ConfirmAction
          label="console.members.makeStaff"
          title="console.members.makeStaff"
          content={translate('console.members.confirmMakeStaff', name)}
          action={() => patch({ isStaff: true })}
          success="ra.notification.updated"
          onDone={refresh}
        />
      )}
    </>
  );
}
