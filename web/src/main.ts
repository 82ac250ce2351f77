import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router.js';
import { connectApi } from './api/client.js';
import { useSession } from './auth/useSession.js';
import './styles/base.css';

const app = createApp(App);
app.use(createPinia());
const router = createAppRouter();
const session = useSession();

// A 401 on a signed-in call: the session ended on the server. Back to sign-in, keeping the
// page the person was on so signing in again returns there.
connectApi({
  token: () => session.token,
  onUnauthorized: () => {
    const wasWorking = Boolean(session.staff);
    session.end();
    const here = router.currentRoute.value;
    if (wasWorking && here.name !== 'sign-in') void router.replace({ name: 'sign-in', query: { redirect: here.fullPath, reason: 'expired' } });
  },
});

app.use(router);
app.mount('#app');
