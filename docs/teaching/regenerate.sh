#!/usr/bin/env bash
# Regenerate docs/teaching.md: every transcript and screen in it is the output of the command shown.
set -euo pipefail
cd "$(dirname "$0")/../.."
R=scenarios/rusanowsky-v-city-of-dallas.yaml
Z=scenarios/cases/zapata-v-melson.yaml
q=.venv/bin/qiflow
rm -f docs/teaching/rusanowsky-built.yaml
built=$(docs/teaching/record.sh <(sed 's#/tmp/built.yaml#docs/teaching/rusanowsky-built.yaml#' tests/data/play-rusanowsky.txt))
zapata=$(docs/teaching/record.sh tests/data/play-zapata.txt $Z)
fence() { echo '```text'; cat; echo '```'; echo; }
{
cat docs/teaching/intro.md
echo "## 1. A recorded \`qiflow play\` session: the Rusanowsky path to the joint report, saved and replayed"; echo
echo "tmux, 100 x 40 (\`docs/teaching/record.sh tests/data/play-rusanowsky.txt\`; the test suite drives the same script over plain stdin and checks that the saved file replays to the same JSON report). The file it saves is \`docs/teaching/rusanowsky-built.yaml\`."; echo
printf '%s\n' "$built" | fence
echo "The saved file, replayed:"; echo
{ echo "$ qiflow run docs/teaching/rusanowsky-built.yaml --format json | jq '.state_label, (.entries|length), .violations'"; $q run docs/teaching/rusanowsky-built.yaml --format json | .venv/bin/python -c 'import json,sys; r=json.load(sys.stdin); print(json.dumps(r["state_label"])); print(len(r["entries"])); print(r["violations"])'; } | fence
echo "## 2. Stepping through a case with predictions: Zapata"; echo
printf '%s\n' "$zapata" | fence
for w in 80 120; do
  echo "## 3. \`qiflow run\` on Rusanowsky at $w columns (first screen, 45 lines)"; echo
  { echo "$ COLUMNS=$w qiflow run $R"; COLUMNS=$w $q run $R | head -45; } | fence
done
for w in 80 120; do
  echo "## 4. \`qiflow run --hide-verdicts\` on Rusanowsky at $w columns (first screen, 45 lines)"; echo
  { echo "$ COLUMNS=$w qiflow run $R --hide-verdicts"; COLUMNS=$w $q run $R --hide-verdicts | head -45; } | fence
done
echo "## 5. \`qiflow explain\` on Zapata"; echo
{ for args in "" "--entry 20" "--entry 'Entry 4'" "--entry 'Entry 3' --why-not discovery_order"; do
    echo "$ qiflow explain $Z $args"; eval "COLUMNS=100 $q explain $Z $args"; echo; done; } | fence
echo "## 6. \`qiflow quiz\` on Zapata (the class answers A, then DE)"; echo
{ echo "$ printf 'A\\nDE\\n' | qiflow quiz $Z"; printf 'A\nDE\n' | $q quiz $Z; } | fence
echo "## 7. \`qiflow check\` as a grader"; echo
echo "A student predicted QI201 for \`scenarios/rules/qi101-discovery-while-qi-motion-pending.yaml\`:"; echo
tmp=$(mktemp -d); sed 's/violations: \[QI101\]/violations: [QI201]/; s/expect: \[QI101\]/expect: [QI201]/' scenarios/rules/qi101-discovery-while-qi-motion-pending.yaml > "$tmp/student.yaml"
{ echo "$ qiflow check student.yaml"; (cd "$tmp" && "$OLDPWD/$q" check student.yaml) || true; } | fence
rm -r "$tmp"
echo "## 8. \`qiflow paths\`"; echo
{ echo "$ qiflow paths --era after-carswell"; $q paths --era after-carswell | head -40; } | fence
cat docs/teaching/outro.md
} > docs/teaching.md
