import { reactive, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { ApiFailure } from '../api/failure.js';
import { navFor } from '../shell/nav.js';
import { safeRedirect } from './useSignIn.js';
import { useSession } from './useSession.js';

/**
 * Changing a one-time password (the first administrator's, a new colleague's, one an
 * administrator reset), which the server asks for before anything else. The old password is
 * the one just typed to sign in when there is one, so the person types only the new one twice.
 */
export function usePasswordChange(justTyped: () => string) {
  const session = useSession();
  const route = useRoute();
  const router = useRouter();
  const form = reactive({ oldPassword: '', newPassword: '', repeated: '' });
  const busy = ref(false);
  const failure = ref('');

  async function submit(): Promise<void> {
    busy.value = true;
    failure.value = '';
    try {
      await session.changePassword(justTyped() || form.oldPassword, form.newPassword);
      const first = navFor(session.roles)[0]?.path;
      await router.replace(safeRedirect(route.query.redirect) ?? first ?? '/');
    } catch (err) {
      failure.value = err instanceof ApiFailure ? err.message : '密码未能修改，请稍后再试';
    } finally {
      busy.value = false;
    }
  }

  return { form, busy, failure, submit };
}
