import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';
initAll();
// Every form's language selector submits on its own button; nothing else needs script.

// Tables sit in a focusable, named scrolling region (TableScrollTagHelper) so a narrow screen can scroll them
// by keyboard. A table that fits needs no region: its tab stop and landmark go, and come back when the window
// narrows or htmx swaps a list in.
function fitTables() {
  for (const region of document.querySelectorAll('.nodal-table-scroll')) {
    if (region.dataset.label === undefined) region.dataset.label = region.getAttribute('aria-label') || '';
    if (region.scrollWidth > region.clientWidth + 1) {
      region.setAttribute('tabindex', '0');
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', region.dataset.label);
    } else {
      region.removeAttribute('tabindex');
      region.removeAttribute('role');
      region.removeAttribute('aria-label');
    }
  }
}
fitTables();
window.addEventListener('resize', fitTables);
document.addEventListener('htmx:afterSettle', fitTables);
