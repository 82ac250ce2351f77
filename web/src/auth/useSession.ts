import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, unwrap } from '../api/client.js';
import type { Role, Staff } from '../api/types.js';
import { roleTitles } from './roles.js';
import { forgetToken, loadToken, saveToken } from './saved-session.js';
import { forgetKeptWork } from './kept-work.js';

/**
 * The signed-in person: who they are, their centre and roles, and signing in and out. The
 * token is kept in this browser so a reload keeps the person signed in; a 401 from any call
 * ends the session here too (see main.ts).
 */
export const useSession = defineStore('session', () => {
  const token = ref<string | undefined>(loadToken());
  const staff = ref<Staff>();
  const unitName = ref('');
  const roles = computed<Role[]>(() => staff.value?.roles ?? []);
  /** Signed in with a one-time password: the server refuses everything but changing it. */
  const mustChangePassword = computed(() => Boolean(staff.value?.mustChangePassword));
  const roleTitleList = computed(() => roleTitles(roles.value));

  /** Reads the person and the name of their centre. Not pure: two calls. */
  async function loadPerson(): Promise<void> {
    staff.value = await unwrap(api.GET('/api/v1/me'));
    const units = await unwrap(api.GET('/api/v1/org-units')).catch(() => []);
    const unit = units.find((u) => u.id === staff.value?.orgUnitId);
    unitName.value = unit?.centerName ?? unit?.name ?? '';
  }

  async function signIn(username: string, password: string): Promise<void> {
    const answer = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
    token.value = answer.token;
    saveToken(answer.token);
    await loadPerson();
  }

  /** Changes the person's own password (the server ends their other sessions), then reads who they are again. */
  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await unwrap(api.POST('/api/v1/auth/password', { body: { oldPassword, newPassword } }));
    await loadPerson();
  }

  /** True when someone is signed in, reading who it is once after a reload. */
  async function ensureSignedIn(): Promise<boolean> {
    if (!token.value) return false;
    if (!staff.value) await loadPerson().catch(() => end());
    return Boolean(staff.value);
  }

  /** Forgets the session in this browser (it ended on the server, or the person signed out). */
  function end(): void {
    token.value = undefined;
    staff.value = undefined;
    unitName.value = '';
    forgetToken();
  }

  /** Signs out on purpose: unlike a session that ended by itself, the work this tab kept is forgotten too. */
  async function signOut(): Promise<void> {
    await unwrap(api.POST('/api/v1/auth/logout')).catch(() => undefined);
    forgetKeptWork();
    end();
  }

  const may = (needed: readonly Role[] | undefined) => !needed || needed.some((role) => roles.value.includes(role));

  return { token, staff, unitName, roles, mustChangePassword, roleTitleList, signIn, changePassword, signOut, ensureSignedIn, end, may };
});
