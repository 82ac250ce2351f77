import { reactive, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { ApiFailure } from '../api/failure.js';
import { navFor } from '../shell/nav.js';
import { useSession } from './useSession.js';

/** Only a path of this site: a sign-in link must not send the person to another site. Pure. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in') ? value : undefined;
}

/**
 * The sign-in form's state and its one action: sign in, then go back where the person was
 * (a 401 or a bookmark brought them here), else to their first page.
 */
export function useSignIn() {
  const session = useSession();
  const route = useRoute();
  const router = useRouter();
  const form = reactive({ username: '', password: '' });
  const busy = ref(false);
  const failure = ref('');
  const expired = route.query.reason === 'expired';
  const oneTimePassword = ref('');

  async function submit(): Promise<void> {
    busy.value = true;
    failure.value = '';
    try {
      await session.signIn(form.username.trim(), form.password);
      // A one-time password: the page shows the password change instead, with this password as the old one.
      if (session.mustChangePassword) {
        oneTimePassword.value = form.password;
        return;
      }
      const first = navFor(session.roles)[0]?.path;
      await router.replace(safeRedirect(route.query.redirect) ?? first ?? '/');
    } catch (err) {
      failure.value = err instanceof ApiFailure ? err.message : '登录未成功，请稍后再试';
      form.password = '';
    } finally {
      busy.value = false;
    }
  }

  return { form, busy, failure, expired, oneTimePassword, submit };
}
