#!/usr/bin/env bash
# Renders an excerpts DOCX of the sample study in LibreOffice, to look at it (not run in CI).
#
#   scripts/docx-preview.sh [OUT_DIR] [-- EXPORT_FLAGS...]
#
# Writes OUT_DIR (default /tmp/docx-preview) with sample.thicket, excerpts.docx, excerpts.pdf and
# page-1.png … page-4.png. Needs a built thicket (THICKET, default target/debug/thicket), soffice
# (apt-get install libreoffice-writer-nogui) and pdftoppm (apt-get install poppler-utils).
set -euo pipefail

out=/tmp/docx-preview
if [[ $# -gt 0 && $1 != -- ]]; then out=$1; shift; fi
[[ ${1:-} == -- ]] && shift
flags=("$@")
if [[ ${#flags[@]} -eq 0 ]]; then
  flags=(--all-codes --group-by code-case --context 1 --other-codes --memos --definitions --counts)
fi

thicket=${THICKET:-target/debug/thicket}
for tool in "$thicket" soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "docx-preview: $tool not found" >&2; exit 1; }
done

mkdir -p "$out"
rm -f "$out"/sample.thicket "$out"/excerpts.* "$out"/page-*.png
"$thicket" sample "$out/sample.thicket"
"$thicket" export "$out/sample.thicket" excerpts "${flags[@]}" --format docx --out "$out/excerpts.docx"
# A profile of its own, so a running LibreOffice does not swallow the conversion.
soffice --headless -env:UserInstallation="file://$out/lo-profile" --convert-to pdf --outdir "$out" "$out/excerpts.docx" >/dev/null
pdftoppm -png -r 70 -f 1 -l 4 "$out/excerpts.pdf" "$out/page"
ls "$out"/page-*.png
