#!/usr/bin/env bash
# Regenerates the example reports in reports/ from the bundled scenarios (deterministic: the same
# sources give the same bytes). Run from the repository root: bash scripts/regenerate-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product costsim
for scenario in article-gke-t4 azure-llm-code eks-karpenter-t4; do
    mkdir -p "reports/$scenario"
    .build/release/costsim run --scenario "scenarios/$scenario.yaml" --report "reports/$scenario" \
        --output "reports/$scenario/summary.txt"
    echo "reports/$scenario: $(ls "reports/$scenario" | tr '\n' ' ')"
done
