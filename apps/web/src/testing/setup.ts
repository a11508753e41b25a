import { config } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';

// Components under test speak Korean, as the app does by default.
config.global.plugins = [createAppI18n('ko')];
