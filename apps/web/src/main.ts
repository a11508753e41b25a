import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { SOCKET_KEY } from './graphql/api';
import { createApiClients } from './graphql/client';
import { createAppI18n, rememberLocale } from './i18n';
import { createAppRouter } from './router';
import './styles/tokens.css';
import './styles/base.css';

const { client, socket } = createApiClients();
const i18n = createAppI18n();
rememberLocale(i18n.global.locale.value);
const router = createAppRouter(client);

createApp(App).use(urql, client).provide(SOCKET_KEY, socket).use(i18n).use(router).mount('#app');
