#!/bin/sh
# Vendors govuk-frontend (compiled with system fonts), htmx and the countries
# reference data into the Nodal app. Run from anywhere: `npm ci && npm run build`.
set -eu
cd "$(dirname "$0")"
ROOT=..
WEB="$ROOT/src/Nodal.Web/wwwroot/lib"
NM=node_modules
GOVUK="$NM/govuk-frontend/dist/govuk"

[ -d "$NM/govuk-frontend" ] || { echo "run 'npm ci' in frontend/ first" >&2; exit 1; }

# govuk-frontend: CSS (system fonts, no @font-face, no crest), ES module JS, licence
rm -rf "$WEB/govuk-frontend"
mkdir -p "$WEB/govuk-frontend"
"$NM/.bin/sass" --no-source-map --style=compressed --load-path="$NM" \
  govuk-frontend.scss "$WEB/govuk-frontend/govuk-frontend.min.css"
# The sourcemap is not vendored: drop the reference to it.
sed 's|//# sourceMappingURL=.*$||' "$GOVUK/govuk-frontend.min.js" > "$WEB/govuk-frontend/govuk-frontend.min.js"
cp licenses/govuk-frontend-LICENSE.txt "$WEB/govuk-frontend/LICENSE.txt" # not shipped in the npm package
# No assets are copied: every image in govuk-frontend/assets is crown/GOV.UK branding
# and the fonts are GDS Transport; the CSS built above references none of them.

# Guard: fail if branding or the licensed font slipped into the CSS.
if grep -Eq '@font-face|GDS Transport|govuk-crest|/fonts/' "$WEB/govuk-frontend/govuk-frontend.min.css"; then
  echo "govuk-frontend.min.css still references GDS Transport or the crest" >&2; exit 1
fi

# htmx 2.x
rm -rf "$WEB/htmx"
mkdir -p "$WEB/htmx"
cp "$NM/htmx.org/dist/htmx.min.js" "$WEB/htmx/htmx.min.js"
cp "$NM/htmx.org/LICENSE" "$WEB/htmx/LICENSE"

# Countries reference data (ISO 3166-1, en/es/fr names)
REF="$ROOT/src/Nodal.Core/Reference"
node gen-countries.mjs "$REF/countries.json"
cp "$NM/i18n-iso-countries/LICENSE" "$REF/countries.LICENSE.txt"

echo "frontend build done"
