import {register} from 'node:module';

register('./slow-ink-hooks.mjs', import.meta.url);
