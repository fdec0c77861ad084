#!/usr/bin/env bash
# Record a qiflow play session in tmux (100 x 40) from a script of typed lines; print the pane.
# Usage: docs/teaching/record.sh SCRIPT [ARGS...]   (ARGS go to qiflow play)
# QIFLOW names the command to run (default: .venv/bin/qiflow); the pane shows it as `qiflow`.
set -euo pipefail
script=$1; shift
name=qiflow-record-$$
qiflow=${QIFLOW:-.venv/bin/qiflow}
tmux new-session -d -s "$name" -x 100 -y 40 "bash --norc"
tmux send-keys -t "$name" -l "qiflow() { $qiflow \"\$@\"; }; export PS1='$ ' && clear"; tmux send-keys -t "$name" Enter
sleep 0.5
tmux send-keys -t "$name" -l "qiflow play $*"; tmux send-keys -t "$name" Enter; sleep 3
while IFS= read -r line; do
  tmux send-keys -t "$name" -l "$line"; tmux send-keys -t "$name" Enter; sleep 0.4
done < "$script"
sleep 1
tmux capture-pane -t "$name" -p -S -3000 | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
tmux kill-session -t "$name"
