#!/usr/bin/env bash
# Prints `config-map=<map>` for pulumi/actions: the images the stack runs now, so a pull request's preview shows the
# infrastructure's diff without building anything. Prints `config-map=` for a stack not deployed yet (its preview
# then plans to build both images itself).
#   usage: PULUMI_BACKEND_URL=s3://... current-images.sh <stack>
set -euo pipefail

stack=${1:?usage: current-images.sh <stack>}
pulumi login --non-interactive "${PULUMI_BACKEND_URL:?set PULUMI_BACKEND_URL}" >&2
api=$(pulumi stack output --stack "$stack" apiImage 2>/dev/null || true)
worker=$(pulumi stack output --stack "$stack" workerImage 2>/dev/null || true)
if [[ "$api" == *@sha256:* && "$worker" == *@sha256:* ]]; then
  echo "config-map={anb:apiImage: {value: '$api', secret: false}, anb:workerImage: {value: '$worker', secret: false}}"
else
  echo "config-map="
fi
