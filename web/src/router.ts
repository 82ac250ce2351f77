import { createRouter, createWebHistory } from 'vue-router';
import type { Router } from 'vue-router';
import { useSession } from './auth/useSession.js';
import { rolesFor } from './shell/nav.js';
// The sign-in page, the frame and the inbox are the first load, imported here; pages added
// later (intake, case page, modeler) come as `component: () => import(...)` chunks.
import SignInPage from './auth/SignInPage.vue';
import AppShell from './shell/AppShell.vue';
import StartPage from './shell/StartPage.vue';
import NotFoundPage from './shell/NotFoundPage.vue';
import InboxPage from './inbox/InboxPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** The browser tab's title. */
    title?: string;
  }
}

/** The pages and who may open them: roles come from the navigation table (shell/nav.ts). */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { public: true, title: '登录' } },
      // Printable pages: a sheet of A4 without the frame, opened in a tab of their own.
      { path: '/print/cases/:id/receipt', name: 'print-receipt', component: () => import('./print/PrintReceiptPage.vue'), meta: { title: '收件凭证' } },
      { path: '/print/cases/:id/notices/:noticeId', name: 'print-notice', component: () => import('./print/PrintNoticePage.vue'), meta: { title: '打印文书' } },
      {
        path: '/', component: AppShell,
        children: [
          { path: '', name: 'start', component: StartPage, meta: { title: '首页' } },
          { path: 'inbox', name: 'inbox', component: InboxPage, meta: { title: '我的待办' } },
          { path: 'intake', name: 'intake', component: () => import('./intake/IntakePage.vue'), meta: { title: '综合受理' } },
          { path: 'cases/:id', name: 'case', component: () => import('./cases/CasePage.vue'), meta: { title: '办件详情' } },
          // form-js comes with this chunk only: a form is drawn when a step is opened.
          { path: 'tasks/:id', name: 'task', component: () => import('./tasks/TaskFormPage.vue'), meta: { title: '办理待办' } },
          { path: 'processes', name: 'processes', component: () => import('./processes/ProcessesPage.vue'), meta: { title: '流程管理' } },
          { path: 'processes/:id/edit', name: 'process-edit', component: () => import('./processes/ProcessEditorPage.vue'), meta: { title: '编辑流程' } },
          { path: 'processes/:id/versions', name: 'process-versions', component: () => import('./processes/ProcessVersionsPage.vue'), meta: { title: '流程版本' } },
          { path: 'processes/:id/diff', name: 'process-diff', component: () => import('./processes/ProcessDiffPage.vue'), meta: { title: '流程比较' } },
          { path: ':rest(.*)*', name: 'not-found', component: NotFoundPage, meta: { title: '页面不存在' } },
        ],
      },
    ],
  });
  router.beforeEach(async (to) => {
    const session = useSession();
    const signedIn = await session.ensureSignedIn();
    // A one-time password opens nothing but its own change, which the sign-in page shows.
    if (to.meta.public) return signedIn && !session.mustChangePassword && to.name === 'sign-in' ? { name: 'start' } : true;
    if (!signedIn || session.mustChangePassword) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    if (!session.may(rolesFor(String(to.name)))) return { name: 'start', query: { denied: to.path } };
    return true;
  });
  router.afterEach((to) => {
    document.title = `${to.meta.title ? `${to.meta.title} · ` : ''}一窗`;
  });
  return router;
}
