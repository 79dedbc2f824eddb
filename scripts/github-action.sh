#!/usr/bin/env bash
# The step of the composite GitHub Action (action.yml): check the inventory with findings as inline
# annotations, then put the check result and the plain-language summary of what the pull request
# changes in the policy into the job summary. Exits with datamap check's status.
#
# Environment: DATAMAP_INVENTORY, DATAMAP_BASE (empty: no diff), DATAMAP_STRICT, DATAMAP_INSTALL,
# and what GitHub sets: GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_ACTION_PATH.
set -uo pipefail

inventory="${DATAMAP_INVENTORY:-inventory}"
base="${DATAMAP_BASE:-}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
outputs="${GITHUB_OUTPUT:-/dev/null}"

if ! command -v datamap >/dev/null 2>&1; then
  if ! python3 -m pip install --quiet "${DATAMAP_INSTALL:-${GITHUB_ACTION_PATH:-.}}"; then
    echo "::error::could not install datamap"
    exit 2
  fi
fi

# The system packages datamap needs (Graphviz and the font the committed diagrams are laid out in, Pango for
# PDFs): installed on the runner when missing, as in the workflow `datamap init` writes.
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in graphviz fonts-nanum fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do  # datamap.scaffold.SYSTEM_PACKAGES
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "::warning::could not install ${missing[*]}: datamap check may fail"
  fi
fi

strict=()
[ "${DATAMAP_STRICT:-false}" = "true" ] && strict=(--strict)

# the build record is trusted only as the base has it: a pull request could edit a page and its digest together
record=()
if [ -n "$base" ]; then
  if git cat-file -e "${base}^{commit}" 2>/dev/null; then
    record=(--record-from "$base")
  else
    echo "::warning::base revision $base is not fetched (actions/checkout fetch-depth: 0): every generated page is made again to check it"
    record=(--full)
  fi
fi

datamap check "$inventory" --format github "${strict[@]}" "${record[@]}"
check_status=$?
{
  echo "## datamap check"
  echo
  case "$check_status" in
    0) echo "The inventory passes." ;;
    1) echo "The inventory has findings that fail the check: see the annotations." ;;
    *) echo "datamap check could not run (exit $check_status)." ;;
  esac
  echo
  echo '```'
  datamap check "$inventory" --format text "${strict[@]}"
  echo '```'
  echo
} >> "$summary"

changed=false
if [ -n "$base" ]; then
  report="$(datamap diff "$base" HEAD --inventory "$inventory" --summary-only)"
  diff_status=$?
  if [ "$diff_status" -le 1 ]; then
    [ "$diff_status" -eq 1 ] && changed=true
    printf '%s\n' "$report" >> "$summary"
  else
    echo "::warning::datamap diff could not compare the policy with $base (exit $diff_status)"
  fi
fi
echo "policy-changed=$changed" >> "$outputs"
exit "$check_status"
