#!/usr/bin/env bash
# Prints `api=<image by digest>` and `worker=<image by digest>` for a commit the pipeline built: the digests ECR
# recorded under the commit's tag (tags are immutable there), so a rollback deploys exactly those bytes again.
#   usage: recorded-images.sh <registry> <commit sha>
set -euo pipefail

registry=${1:?usage: recorded-images.sh <registry> <commit>}
commit=${2:?usage: recorded-images.sh <registry> <commit>}
for image in api worker; do
  if ! digest=$(aws ecr describe-images --repository-name "anb-showcase/$image" --image-ids "imageTag=$commit" \
      --query 'imageDetails[0].imageDigest' --output text); then
    echo "::error::no $image image was recorded for commit $commit (older than the repository keeps, or never built)" >&2
    exit 1
  fi
  echo "$image=$registry/anb-showcase/$image@$digest"
done
