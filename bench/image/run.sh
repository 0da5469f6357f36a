#!/usr/bin/env bash
# Cold and warm build times of the proxy image (both platforms) with orodc, image sizes, and docker build
# of docker/Dockerfile from the same local inputs. Needs what the tests need (.ci/install-deps test,
# .ci/arm64-fixtures). Writes bench/results/image.md. Add -Dorodc.bench.trace=true to the mvnw line to print
# where one warm build spends its time instead (orodc --verbose timings).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o package -DskipTests
./mvnw -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ProxyImageBench \
  -Dorodc.bench.out="$PWD/bench/results/image.md" | grep -E '^\||^#|Tests run|BUILD' || true
echo "results: bench/results/image.md"
