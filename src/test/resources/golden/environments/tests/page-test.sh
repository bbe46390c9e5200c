#!/bin/sh
# Unit test of the starter page, run by buildspec-test.yml in the Test stage of every
# environment's pipeline, before the image is built. It fails (exit status 1) when the page lacks the
# markup it must have. Add a check: one grep line that appends what is missing to MISSING.
PAGE=html/index.html
MISSING=
grep -qi '<!DOCTYPE html>' "$PAGE" || MISSING="$MISSING doctype"
grep -q '<title>..*</title>' "$PAGE" || MISSING="$MISSING title"
grep -q '<h1>..*</h1>' "$PAGE" || MISSING="$MISSING heading"
grep -q 'class="version">[^<]*[0-9]' "$PAGE" || MISSING="$MISSING version-line"
grep -q '</html>' "$PAGE" || MISSING="$MISSING closing-html-tag"
echo "$MISSING" | grep -q . && echo "FAIL: $PAGE is missing:$MISSING" && exit 1
echo "PASS: $PAGE has its doctype, title, heading, version line and closing tag"
