/** `npm run web:build`: builds the pages now (npm start and npm test build them by themselves when stale). */
import { buildWeb } from '../web/build/ensure-built.js';
await buildWeb();
