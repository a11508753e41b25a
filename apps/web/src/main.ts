import urql from '@urql/vue';
import { createApp, watch } from 'vue';
import App from './App.vue';
import { reloadAtSignIn, session } from './features/auth/session';
import { createApiClient, createLiveConnection, defaultSocketUrl } from './graphql/client';
import { createAppI18n, rememberLocale } from './i18n';
import { createAppRouter } from './router';
import './styles/tokens.css';
import './styles/base.css';

const i18n = createAppI18n();
rememberLocale(i18n.global.locale.value);

// The socket belongs to the session: opened when someone is signed in, reopened when that
// person changes, closed at sign-out. Only the server's word ends the session in the browser: a
// refused socket (4401/4403) or an UNAUTHENTICATED answer; other closes just reconnect.
function sessionEnded() {
  if (!session.viewer.value) return;
  session.set(null);
  reloadAtSignIn(router, { ended: '1' });
}
const live = createLiveConnection(defaultSocketUrl(), sessionEnded);
const client = createApiClient(live, sessionEnded);
const router = createAppRouter(client);

watch(
  () => session.viewer.value?.id ?? null,
  (id, previous) => {
    if (id === previous) return;
    if (id) live.start();
    else live.stop();
  },
);

createApp(App).use(urql, client).use(i18n).use(router).mount('#app');
