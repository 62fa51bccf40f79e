import type { AuthProvider, UserIdentity } from 'react-admin';
import { api } from '../api/http';
import { errorCode } from '../api/api-error';
import { session } from '../api/session';

interface Me {
  id: number;
  username: string;
  isStaff: boolean;
}

let me: Me | undefined;

async function whoAmI(): Promise<Me> {
  me ??= await api<Me>('/users/me');
  return me;
}

/** A member who signs in is shown the staff-only page, and their session is ended at once. */
export const STAFF_ONLY_PATH = '/staff-only';

/**
 * Sign-in through the API's own login and refresh routes. The console holds the access token in
 * memory and nothing else; the refresh token is an HttpOnly cookie. A session that cannot be renewed
 * sends the person to the login page, and react-admin brings them back to the page they were on.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    me = undefined;
    await session.signIn(username, password);
    const identity = await whoAmI();
    if (!identity.isStaff) {
      await session.signOut();
      me = undefined;
      return { redirectTo: `${STAFF_ONLY_PATH}?user=${encodeURIComponent(identity.username)}` };
    }
    return undefined;
  },

  async checkAuth() {
    if (!session.hasToken() && !(await session.renew())) throw new Error('ra.auth.auth_check_error');
    if (!(await whoAmI()).isStaff) {
      await session.signOut();
      throw { redirectTo: STAFF_ONLY_PATH, message: false };
    }
  },

  async checkError(error: unknown) {
    const status = (error as { status?: number } | undefined)?.status;
    const code = errorCode(error);
    if (status === 401) {
      session.forget();
      me = undefined;
      throw new Error(code === 'ACCOUNT_DISABLED' ? 'errors.ACCOUNT_DISABLED' : 'ra.notification.logged_out');
    }
    // A staff route refused: the person was demoted while signed in
    if (status === 403 && code === 'FORBIDDEN') {
      await session.signOut();
      me = undefined;
      throw { redirectTo: STAFF_ONLY_PATH, logoutUser: false, message: false };
    }
  },

  async logout() {
    await session.signOut();
    me = undefined;
  },

  async getIdentity(): Promise<UserIdentity> {
    const identity = await whoAmI();
    return { id: identity.id, fullName: identity.username };
  },
};
