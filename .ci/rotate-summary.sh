#!/bin/sh
# The job summary of one stage of .github/workflows/rotate.yml, read from the journal (JSON lines, never a secret):
# how the stage ended, the listener weights last recorded and the backup the new slot was restored from.
stack="$1"
stage="$2"
journal=".hsm-rotate/$stack.journal.jsonl"
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"
{
  echo "## hsm-rotate cycle: $stage ($stack)"
  if [ ! -s "$journal" ]; then
    echo "No journal: the stage stopped before its first event (see the job log)."
    exit 0
  fi
  echo "- Outcome: $(jq -r 'select(.kind == "finished" or .kind == "stopped") | "\(.kind): \(.message)"' "$journal" | tail -n 1)"
  echo "- Weights: $(jq -r 'select(.kind == "weights") | "blue \(.data.blue // "?")%, green \(.data.green // "?")%"' "$journal" | tail -n 1)"
  echo "- Backup: $(jq -r 'select(.data.backup != null and .data.backup != "") | .data.backup' "$journal" | tail -n 1)"
} >> "$summary"
