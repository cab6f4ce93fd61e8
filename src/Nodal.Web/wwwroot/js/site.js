import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';
initAll();
// Every form's language selector submits on its own button; nothing else needs script.
