#!/usr/bin/env python3
"""Builds pricing/catalog.csv: the hand-compiled rows of sources/curated.csv, unchanged and first,
then one row per GPU or system machine type and region from the open datasets in sources/, then
the serverless platform instances of sources/platforms.csv (hand-transcribed rates)
(origins, commits and licences: pricing/README.md).

  python3 pricing/build_catalog.py extract-gcp PRICING_YML MACHINETYPEREGION_CSV
  python3 pricing/build_catalog.py extract-skypilot-gcp GCP_VMS_CSV
  python3 pricing/build_catalog.py extract-skypilot-aws AWS_VMS_CSV
  python3 pricing/build_catalog.py extract-azure ZZ_GENERATED_PRICING_GO
  python3 pricing/build_catalog.py extract-skypilot-azure AZURE_VMS_CSV
  python3 pricing/build_catalog.py build

The extract commands rewrite the files of sources/ from the upstream files (download commands:
pricing/README.md); build writes catalog.csv (then run pricing/embed.sh). Python 3 standard library
only; the same inputs give the same bytes.
"""
import argparse
import csv
import io
import os
import re
import statistics
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")

SNAPSHOT = "2026-12-06"
EFFECTIVE_DATE = "2026-12-06"
HEADER = [
    "snapshot", "effective_date", "provider", "region", "sku_kind", "sku", "vcpus", "memory_gib", "gpu_model",
    "gpu_count", "gpu_memory_gib", "attachable_to", "on_demand_usd_per_hour", "spot_usd_per_hour",
    "billing_increment_s", "billing_minimum_s", "currency", "source_url", "source_date", "notes",
]

CYCLENERD = ("https://github.com/Cyclenerd/google-cloud-pricing-cost-calculator/blob/"
             "fd66b26ff84fee5cdd94f341ea89206e76c06b99/pricing.yml")
SKYPILOT_GCP = ("https://github.com/skypilot-org/skypilot-catalog/blob/"
                "006059e0f18acb1341e22a27751e9f80df6ba92f/catalogs/v8/gcp/vms.csv")
SKYPILOT_AWS = ("https://github.com/skypilot-org/skypilot-catalog/blob/"
                "00148f2af3672e2229b4f7bf8157d5a3f36e3c35/catalogs/v8/aws/vms.csv")
KARPENTER_AZURE = ("https://github.com/Azure/karpenter-provider-azure/blob/"
                   "352646f599290c3a6d2f9710fb535a7b288f88ed/pkg/providers/pricing/zz_generated.pricing.go")
SKYPILOT_AZURE = ("https://github.com/skypilot-org/skypilot-catalog/blob/"
                  "098741e70562f65d7af1cceb81e33b284f742604/catalogs/v6/azure/vms.csv")

# GCP machine types a GPU node pool (or its system pool) uses: T4 hosts, G2 (L4), A2 (A100), A3 (H100).
GCP_MACHINES = re.compile(
    r"^(n1-standard-(2|4|8|16)|n1-highmem-(2|4|8|16)|g2-standard-(4|8|12|16|24|32|48|96)"
    r"|a2-highgpu-(1|2|4|8)g|a2-ultragpu-(1|2|4|8)g|a3-highgpu-(1|2|4|8)g|e2-medium)$")
# pricing.yml key of the bundled GPUs -> (catalog gpu_model, GiB per GPU).
GCP_GPU_KEYS = {"l4": ("L4", 24), "a100": ("A100-40GB", 40), "a100-80gb": ("A100-80GB", 80),
                "h100": ("H100-80GB", 80)}
# AWS shapes (instance type -> vCPU, GiB, GPU model, count, GPU GiB), as in the same SkyPilot rows: the
# one-GPU types a Karpenter NodePool starts with, the larger g4dn sizes, g5/g6 2xlarge and the four-GPU
# 12xlarge sizes, the A100/H100 machines, and the scenarios' system node.
AWS_SHAPES = {
    "g4dn.xlarge": (4, "16", "T4", 1, "16"),
    "g4dn.2xlarge": (8, "32", "T4", 1, "16"),
    "g4dn.4xlarge": (16, "64", "T4", 1, "16"),
    "g4dn.8xlarge": (32, "128", "T4", 1, "16"),
    "g4dn.12xlarge": (48, "192", "T4", 4, "64"),
    "g4dn.16xlarge": (64, "256", "T4", 1, "16"),
    "g5.xlarge": (4, "16", "A10G", 1, "24"),
    "g5.2xlarge": (8, "32", "A10G", 1, "24"),
    "g5.12xlarge": (48, "192", "A10G", 4, "96"),
    "g6.xlarge": (4, "16", "L4", 1, "24"),
    "g6.2xlarge": (8, "32", "L4", 1, "24"),
    "g6.12xlarge": (48, "192", "L4", 4, "96"),
    "p4d.24xlarge": (96, "1152", "A100-40GB", 8, "320"),
    "p5.48xlarge": (192, "2048", "H100-80GB", 8, "640"),
    "p5.4xlarge": (16, "256", "H100-80GB", 1, "80"),
    "t3.medium": (2, "4", None, 0, None),
}
# Azure shapes: vCPU, GiB, GPU model, whole GPUs, GPU GiB (Microsoft's size pages; the NV A10 v5
# sizes below 36 vCPU get a fraction of a GPU and are left out).
AZURE_SHAPES = {
    "Standard_NC4as_T4_v3": (4, "28", "T4", 1, "16"),
    "Standard_NC8as_T4_v3": (8, "56", "T4", 1, "16"),
    "Standard_NC16as_T4_v3": (16, "110", "T4", 1, "16"),
    "Standard_NC64as_T4_v3": (64, "440", "T4", 4, "64"),
    "Standard_NC24ads_A100_v4": (24, "220", "A100-80GB", 1, "80"),
    "Standard_NC48ads_A100_v4": (48, "440", "A100-80GB", 2, "160"),
    "Standard_NC96ads_A100_v4": (96, "880", "A100-80GB", 4, "320"),
    "Standard_NC40ads_H100_v5": (40, "320", "H100-NVL", 1, "94"),
    "Standard_NC80adis_H100_v5": (80, "640", "H100-NVL", 2, "188"),
    "Standard_NV36ads_A10_v5": (36, "440", "A10", 1, "24"),
    "Standard_NV72ads_A10_v5": (72, "880", "A10", 2, "48"),
    "Standard_B2s": (2, "4", None, 0, None),
    "Standard_B2s_v2": (2, "8", None, 0, None),
}


def decimal_text(value):
    """A price as the catalog writes it: plain decimal, trailing zeros trimmed (0.2000 -> 0.2)."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def median_text(values):
    """The exact median of decimal strings (mean of the middle two for an even count)."""
    return decimal_text(statistics.median(sorted(Decimal(v) for v in values)))


def read_csv(name):
    with open(os.path.join(SOURCES, name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


# MARK: - extract

def extract_gcp(pricing_yml, machinetyperegion_csv):
    """Machine type, region, shape and hour/hour_spot for the GCP_MACHINES, in the regions where
    Compute Engine offers the type (machinetyperegion.csv); pricing.yml lists prices for regions
    that do not sell the type too."""
    offered = set()
    with open(machinetyperegion_csv, encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter=";"):
            if GCP_MACHINES.match(record["NAME"]) and not record["DEPRECATED"]:
                offered.add((record["NAME"], record["ZONE"]))
    machines = {}
    machine = region = None
    in_instances = False
    with open(pricing_yml, encoding="utf-8") as handle:
        for line in handle:
            indent = len(line) - len(line.lstrip(" "))
            key, _, value = line.strip().partition(":")
            value = value.strip()
            if indent == 2:
                in_instances = key == "instance"
            elif not in_instances:
                continue
            elif indent == 4:
                machine = key if GCP_MACHINES.match(key) else None
                if machine:
                    machines[machine] = {"prices": {}, "gpus": None}
            elif machine and indent == 6 and key in ("cpu", "ram"):
                machines[machine][key] = value
            elif machine and indent == 6 and key in GCP_GPU_KEYS:
                machines[machine]["gpus"] = (key, int(value))
            elif machine and indent == 8:
                region = key
            elif machine and indent == 10 and key in ("hour", "hour_spot"):
                machines[machine]["prices"].setdefault(region, {})[key] = value
    rows = []
    for name in sorted(machines):
        entry = machines[name]
        gpu_model = gpu_count = gpu_gib = ""
        if entry["gpus"]:
            model, per_gpu = GCP_GPU_KEYS[entry["gpus"][0]]
            gpu_model, gpu_count, gpu_gib = model, entry["gpus"][1], per_gpu * entry["gpus"][1]
        for region in sorted(entry["prices"]):
            prices = entry["prices"][region]
            if (name, region) in offered and "hour" in prices:
                rows.append([name, region, entry["cpu"], decimal_text(entry["ram"]), gpu_model, gpu_count, gpu_gib,
                             decimal_text(prices["hour"]), decimal_text(prices.get("hour_spot", "")) if
                             prices.get("hour_spot") else ""])
    write_csv(os.path.join(SOURCES, "gcp-cyclenerd.csv"),
              ["machine_type", "region", "vcpus", "memory_gib", "gpu_model", "gpu_count", "gpu_memory_gib", "hour",
               "hour_spot"], rows)
    print(f"wrote sources/gcp-cyclenerd.csv: {len(rows)} rows", file=sys.stderr)


def extract_azure(generated_go):
    """Region, SKU and on-demand USD/h for the AZURE_SHAPES from Karpenter's generated price table."""
    rows = []
    region = None
    with open(generated_go, encoding="utf-8") as handle:
        for line in handle:
            found = re.search(r'initialOnDemandPrices\["([a-z0-9]+)"\]', line)
            if found:
                region = found.group(1)
                continue
            for sku, price in re.findall(r'"(Standard_[A-Za-z0-9_]+)":\s*([0-9.]+)', line):
                if region and sku in AZURE_SHAPES:
                    rows.append([region, sku, decimal_text(price)])
    rows.sort()
    write_csv(os.path.join(SOURCES, "azure-karpenter.csv"), ["region", "sku", "on_demand_usd_per_hour"], rows)
    print(f"wrote sources/azure-karpenter.csv: {len(rows)} rows", file=sys.stderr)


def extract_skypilot_aws(vms_csv):
    """The AWS_SHAPES rows of SkyPilot's AWS vms.csv, one per availability zone."""
    with open(vms_csv, newline="", encoding="utf-8") as handle:
        rows = [[r["InstanceType"], r["Region"], r["AvailabilityZone"], r["Price"], r["SpotPrice"]]
                for r in csv.DictReader(handle) if r["InstanceType"] in AWS_SHAPES]
    write_csv(os.path.join(SOURCES, "aws-skypilot-vms.csv"),
              ["InstanceType", "Region", "AvailabilityZone", "Price", "SpotPrice"], rows)
    print(f"wrote sources/aws-skypilot-vms.csv: {len(rows)} rows", file=sys.stderr)


def extract_skypilot_azure(vms_csv):
    """The AZURE_SHAPES rows of SkyPilot's Azure vms.csv (one per region: on-demand and spot then)."""
    with open(vms_csv, newline="", encoding="utf-8") as handle:
        rows = [[r["InstanceType"], r["Region"], r["Price"], r["SpotPrice"]]
                for r in csv.DictReader(handle) if r["InstanceType"] in AZURE_SHAPES]
    write_csv(os.path.join(SOURCES, "azure-skypilot-spot.csv"), ["InstanceType", "Region", "Price", "SpotPrice"], rows)
    print(f"wrote sources/azure-skypilot-spot.csv: {len(rows)} rows", file=sys.stderr)


def extract_skypilot_gcp(vms_csv):
    """The one-T4 add-on rows (no machine type) of SkyPilot's GCP vms.csv, one per zone."""
    with open(vms_csv, newline="", encoding="utf-8") as handle:
        rows = [[r["AcceleratorName"], r["AcceleratorCount"], r["Region"], r["AvailabilityZone"], r["Price"],
                 r["SpotPrice"]] for r in csv.DictReader(handle)
                if not r["InstanceType"] and r["AcceleratorName"] == "T4" and r["AcceleratorCount"] == "1"]
    write_csv(os.path.join(SOURCES, "gcp-skypilot-t4.csv"),
              ["AcceleratorName", "AcceleratorCount", "Region", "AvailabilityZone", "Price", "SpotPrice"], rows)
    print(f"wrote sources/gcp-skypilot-t4.csv: {len(rows)} rows", file=sys.stderr)


# MARK: - build

def gcp_rows():
    rows = []
    for record in read_csv("gcp-cyclenerd.csv"):
        note = "List price before sustained-use discount."
        if record["gpu_model"]:
            note = f"Price includes the bundled {record['gpu_model']} GPUs. " + note
        rows.append(machine_row("gcp", record["region"], record["machine_type"], record["vcpus"],
                                record["memory_gib"], record["gpu_model"], record["gpu_count"] or "0",
                                record["gpu_memory_gib"], record["hour"], record["hour_spot"], "1", "60",
                                CYCLENERD, "2026-07-30 (pricing.yml generated)", note))
    by_region = {}
    for record in read_csv("gcp-skypilot-t4.csv"):
        by_region.setdefault(record["Region"], []).append(record)
    for region in sorted(by_region):
        zones = by_region[region]
        rows.append(["gcp", region, "gpu", "nvidia-tesla-t4", "", "", "T4", "1", "16", "n1-",
                     median_text(z["Price"] for z in zones), median_text(z["SpotPrice"] for z in zones), "1", "60",
                     SKYPILOT_GCP, "unknown (catalog commit as indexed; read 2026-12-06)",
                     f"Per GPU on N1. Median of zones {', '.join(z['AvailabilityZone'] for z in zones)}."])
    return rows


def aws_rows():
    by_key = {}
    for record in read_csv("aws-skypilot-vms.csv"):
        if len(record["AvailabilityZone"].split("-")) > 2:   # a Local Zone (usw2-lax1-az1), not the region
            continue
        by_key.setdefault((record["InstanceType"], record["Region"]), []).append(record)
    rows = []
    for (instance, region) in sorted(by_key):
        zones = by_key[(instance, region)]
        vcpus, memory, gpu, count, gpu_gib = AWS_SHAPES[instance]
        on_demand = {z["Price"] for z in zones}
        if len(on_demand) != 1:
            sys.exit(f"aws-skypilot-vms.csv: {instance} {region} has several on-demand prices {sorted(on_demand)}")
        spots = [z["SpotPrice"] for z in zones if z["SpotPrice"]]
        rows.append(machine_row(
            "aws", region, instance, vcpus, memory, gpu, count, gpu_gib, on_demand.pop(),
            median_text(spots) if spots else "", "1", "60", SKYPILOT_AWS,
            "unknown (catalog commit as indexed; read 2026-12-06)",
            "Linux on-demand. Spot is the median of the latest price in each availability zone ("
            + ", ".join(z["AvailabilityZone"] for z in zones) + ")."))
    return rows


def azure_rows():
    """On demand from Karpenter's table; spot, where SkyPilot's Azure catalogue has one below the on-demand
    price of its own sample (nine US regions; its H100 rows repeat the on-demand price and are no spot price)."""
    spots = {}
    for record in read_csv("azure-skypilot-spot.csv"):
        if record["SpotPrice"] and Decimal(record["SpotPrice"]) < Decimal(record["Price"]):
            spots[(record["Region"], record["InstanceType"])] = record
    rows = []
    for record in read_csv("azure-karpenter.csv"):
        vcpus, memory, gpu, count, gpu_gib = AZURE_SHAPES[record["sku"]]
        note = "Linux pay-as-you-go (Karpenter for Azure's price table, generated 2026-06-18)."
        spot = spots.get((record["region"], record["sku"]))
        if spot:
            note += (f" Spot from SkyPilot's Azure catalogue ({SKYPILOT_AZURE}), one undated sample of 2024 or"
                     f" later when on demand was {spot['Price']}.")
        else:
            note += " No spot price."
        rows.append(machine_row("azure", record["region"], record["sku"], vcpus, memory, gpu, count, gpu_gib,
                                record["on_demand_usd_per_hour"], decimal_text(spot["SpotPrice"]) if spot else "",
                                "1", "300", KARPENTER_AZURE, "2026-06-18 (table generated)", note))
    return rows


def platform_rows():
    """One platform instance per hour from sources/platforms.csv: (GPU + vCPUs x vCPU rate + GiB x GiB rate),
    times 3600 when the rates are per second."""
    rows = []
    for r in read_csv("platforms.csv"):
        rate = Decimal(r["gpu_rate"])
        for count, unit_rate in ((r["vcpus"], r["vcpu_rate"]), (r["memory_gib"], r["gib_rate"])):
            if unit_rate:
                rate += Decimal(count) * Decimal(unit_rate)
        if r["rate_unit"] not in ("second", "hour"):
            sys.exit(f"platforms.csv: {r['sku']} {r['region']}: rate_unit must be second or hour")
        hourly = rate * 3600 if r["rate_unit"] == "second" else rate
        rows.append(machine_row(r["provider"], r["region"], r["sku"], r["vcpus"], r["memory_gib"], r["gpu_model"],
                                r["gpu_count"], r["gpu_memory_gib"], hourly, "", r["billing_increment_s"],
                                r["billing_minimum_s"], r["source_url"], r["source_date"], r["notes"],
                                kind="platform"))
    return rows


def machine_row(provider, region, sku, vcpus, memory, gpu, count, gpu_gib, on_demand, spot, increment, minimum,
                url, date, note, kind="machine"):
    return [provider, region, kind, sku, str(vcpus), memory, gpu or "", str(count), gpu_gib or "", "",
            decimal_text(on_demand), spot, increment, minimum, url, date, note]


def build():
    with open(os.path.join(SOURCES, "curated.csv"), encoding="utf-8") as handle:
        curated_text = handle.read()
    curated = list(csv.DictReader(io.StringIO(curated_text)))
    taken = {(r["provider"], r["region"], r["sku_kind"], r["sku"]): r for r in curated
             if r["snapshot"] != "article-2023"}
    generated = []
    for row in gcp_rows() + aws_rows() + azure_rows() + platform_rows():
        kept = taken.get(tuple(row[:4]))
        if kept:   # the hand-compiled row wins; say where the dataset disagrees with it
            for column, value in (("on_demand_usd_per_hour", row[10]), ("spot_usd_per_hour", row[11])):
                if value and kept[column] and Decimal(value) != Decimal(kept[column]):
                    print(f"kept curated {'/'.join(row[:4])} {column} {kept[column]} (dataset: {value})",
                          file=sys.stderr)
            continue
        generated.append([SNAPSHOT, EFFECTIVE_DATE] + row[:14] + ["USD"] + row[14:])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(generated)
    with open(os.path.join(HERE, "catalog.csv"), "w", encoding="utf-8", newline="") as handle:
        handle.write(curated_text + out.getvalue())
    print(f"wrote catalog.csv: {len(curated)} curated + {len(generated)} generated lines", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    gcp = commands.add_parser("extract-gcp")
    gcp.add_argument("pricing_yml")
    gcp.add_argument("machinetyperegion_csv")
    azure = commands.add_parser("extract-azure")
    azure.add_argument("generated_go")
    for name in ("extract-skypilot-aws", "extract-skypilot-gcp", "extract-skypilot-azure"):
        commands.add_parser(name).add_argument("vms_csv")
    commands.add_parser("build")
    arguments = parser.parse_args()
    if arguments.command == "extract-gcp":
        extract_gcp(arguments.pricing_yml, arguments.machinetyperegion_csv)
    elif arguments.command == "extract-azure":
        extract_azure(arguments.generated_go)
    elif arguments.command == "extract-skypilot-aws":
        extract_skypilot_aws(arguments.vms_csv)
    elif arguments.command == "extract-skypilot-gcp":
        extract_skypilot_gcp(arguments.vms_csv)
    elif arguments.command == "extract-skypilot-azure":
        extract_skypilot_azure(arguments.vms_csv)
    else:
        build()


if __name__ == "__main__":
    main()
