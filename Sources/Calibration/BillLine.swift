import CostModel
import Foundation
import Simulator

/// How one line of a provider's billing export is read: its columns (CUR 2.0 and legacy CUR names
/// alike), which lines bill GPU nodes, and their hours, pool, spot and cost (docs/calibration.md).
struct BillLine {
    let path: String
    let provider: BillProvider
    private let index: [String: Int]

    /// Reads the lines of `path`, whose columns are `header`.
    init(path: String, header: [String], provider: BillProvider) {
        self.path = path
        self.provider = provider
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }

    /// Which lines count as GPU lines, in words (for the error of a bill without any).
    var gpuRule: String {
        switch provider {
        case .gcp: "Compute Engine lines whose sku.description names a GPU"
        case .aws: "AmazonEC2 BoxUsage or SpotUsage lines of a GPU instance type: g* or p* families"
        case .azure: "Virtual Machines usage lines of an N-series size (NC, ND, NG, NV)"
        }
    }

    struct Parsed {
        var start, end: Double
        var currency: String?
        var row: BillRow?
    }

    func read(_ fields: [String], line: Int) throws(InputError) -> Parsed {
        switch provider {
        case .gcp: try gcp(fields, line: line)
        case .aws: try aws(fields, line: line)
        case .azure: try azure(fields, line: line)
        }
    }

    // MARK: GCP

    private func gcp(_ fields: [String], line: Int) throws(InputError) -> Parsed {
        let start = try time(fields, "usage_start_time", line: line)
        let end = try time(fields, "usage_end_time", line: line)
        try checkInterval(start, end, fields, "usage_end_time", line: line)
        var parsed = Parsed(start: start, end: end, currency: value(fields, "currency"))
        let service = try required(fields, "service.description", line: line)
        let sku = try required(fields, "sku.description", line: line)
        let pool = value(fields, "labels").flatMap { Self.labelValue($0, key: "goog-k8s-node-pool-name") }
        let isGPU = service == "Compute Engine" && sku.contains("GPU")
        guard isGPU || (service == "Compute Engine" && pool != nil) else { return parsed }
        var hours = 0.0
        if isGPU {
            let amount = try number(fields, "usage.amount", line: line, max: BillExport.maxHours * 3600)
            switch try required(fields, "usage.unit", line: line) {
            case "seconds": hours = amount / 3600
            case "hour", "hours": hours = amount
            case let unit:
                throw InputError(
                    file: path, line: line, field: "usage.unit",
                    message: "\"\(unit)\": GPU usage must be in seconds or hours")
            }
        }
        var cost = try money(fields, "cost", line: line)
        for credit in value(fields, "credits").map(Self.creditAmounts) ?? [] {
            guard let amount = Self.money(credit), let sum = cost.adding(amount),
                sum.nanoDollars.magnitude <= UInt64(BillExport.maxCost * 1e9)
            else {
                throw InputError(
                    file: path, line: line, field: "credits",
                    message: "\"\(credit.prefix(64))\" is not an amount, or the line's cost goes beyond "
                        + "±\(Int(BillExport.maxCost))")
            }
            cost = sum
        }
        let spot = sku.contains("Spot") || sku.contains("Preemptible")
        parsed.row = BillRow(
            line: line, startSeconds: start, endSeconds: end, hours: hours, unit: isGPU ? .gpuHours : .none, sku: sku,
            pool: pool, spot: spot, cost: cost)
        return parsed
    }

    /// The `value` of label `key` in a GCP `labels` cell: JSON (`[{"key": …, "value": …}]`) or the
    /// Python-style list some exports write (`[{'key': …, 'value': …}]`).
    static func labelValue(_ cell: String, key: String) -> String? {
        guard let keyRange = cell.range(of: key), let valueRange = cell[keyRange.upperBound...].range(of: "value")
        else { return nil }
        let rest = cell[valueRange.upperBound...].drop { $0 == "'" || $0 == "\"" || $0 == ":" || $0 == " " }
        let text = rest.prefix { $0 != "'" && $0 != "\"" }
        return text.isEmpty ? nil : String(text)
    }

    /// The `amount` values of a GCP `credits` cell (`[]`, JSON or Python-style list of records).
    static func creditAmounts(_ cell: String) -> [String] {
        var amounts: [String] = []
        var rest = cell[...]
        while let range = rest.range(of: "amount") {
            let after = rest[range.upperBound...].drop { $0 == "'" || $0 == "\"" || $0 == ":" || $0 == " " }
            let number = after.prefix { $0 == "-" || $0 == "+" || $0 == "." || $0 == "e" || $0 == "E" || $0.isNumber }
            if !number.isEmpty { amounts.append(String(number)) }
            rest = after
        }
        return amounts
    }

    // MARK: AWS

    private func aws(_ fields: [String], line: Int) throws(InputError) -> Parsed {
        let start = try time(fields, "line_item_usage_start_date", "lineItem/UsageStartDate", line: line)
        let end = try time(fields, "line_item_usage_end_date", "lineItem/UsageEndDate", line: line)
        try checkInterval(start, end, fields, "line_item_usage_end_date", "lineItem/UsageEndDate", line: line)
        var parsed = Parsed(
            start: start, end: end, currency: value(fields, "line_item_currency_code", "lineItem/CurrencyCode"))
        let product = value(fields, "line_item_product_code", "lineItem/ProductCode")
        let type = value(fields, "line_item_line_item_type", "lineItem/LineItemType")
        let usageType = value(fields, "line_item_usage_type", "lineItem/UsageType") ?? ""
        guard product == "AmazonEC2", ["Usage", "SavingsPlanCoveredUsage", "DiscountedUsage"].contains(type),
            usageType.contains("BoxUsage") || usageType.contains("SpotUsage")
        else { return parsed }
        let instance = value(fields, "product_instance_type", "product/instanceType").flatMap { $0.isEmpty ? nil : $0 }
            ?? usageType.split(separator: ":").last.map(String.init) ?? ""
        guard Self.isAWSGPU(instance) else { return parsed }
        let hours = try number(
            fields, "line_item_usage_amount", "lineItem/UsageAmount", line: line, max: BillExport.maxHours)
        let cost = try money(fields, "line_item_unblended_cost", "lineItem/UnblendedCost", line: line)
        let term = value(fields, "pricing_term", "pricing/term")
        let pool = [
            "resourceTags/user:eks:nodegroup-name", "resourceTags/aws:eks:nodegroup-name",
            "resourceTags/user:karpenter.sh/nodepool",
        ].lazy.compactMap { value(fields, $0) }.first { !$0.isEmpty }
            ?? value(fields, "resource_tags").flatMap(Self.awsPoolTag)
        parsed.row = BillRow(
            line: line, startSeconds: start, endSeconds: end, hours: hours, unit: .nodeHours, sku: instance,
            pool: pool, spot: usageType.contains("SpotUsage") || term == "Spot", cost: cost)
        return parsed
    }

    /// GPU instance families: `g2`…`g6e`, `gr6`, `p2`…`p6` (a `g` or `p` family with a generation digit).
    static func isAWSGPU(_ instance: String) -> Bool {
        let family = instance.prefix { $0 != "." }
        guard let first = family.first, first == "g" || first == "p" else { return false }
        let rest = family.dropFirst().drop { $0 == "r" }
        return rest.first?.isNumber == true
    }

    /// The node group or Karpenter node pool in a CUR 2.0 `resource_tags` map (JSON).
    static func awsPoolTag(_ cell: String) -> String? {
        guard let data = cell.data(using: .utf8),
            let tags = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        for key in tags.keys.sorted() where key.contains("nodegroup_name") || key.contains("nodegroup-name")
            || key.contains("nodepool") {
            if let value = tags[key] as? String, !value.isEmpty { return value }
        }
        return nil
    }

    // MARK: Azure

    private func azure(_ fields: [String], line: Int) throws(InputError) -> Parsed {
        let start = try time(fields, "Date", "UsageDateTime", line: line)
        var parsed = Parsed(
            start: start, end: start + 86_400,
            currency: value(fields, "BillingCurrencyCode", "BillingCurrency", "Currency"))
        guard value(fields, "MeterCategory") == "Virtual Machines",
            value(fields, "ChargeType").map({ $0 == "Usage" }) ?? true
        else { return parsed }
        let meter = value(fields, "MeterName") ?? ""
        let size = value(fields, "AdditionalInfo").flatMap(Self.azureServiceType) ?? meter
        guard Self.isAzureGPU(size) else { return parsed }
        let hours = try number(fields, "Quantity", "UsageQuantity", line: line, max: BillExport.maxHours)
        let cost = try money(fields, "CostInBillingCurrency", "Cost", "PreTaxCost", line: line)
        let resource = value(fields, "ResourceId", "InstanceId") ?? ""
        let spot = value(fields, "PricingModel") == "Spot" || meter.contains("Spot") || meter.contains("Low Priority")
        parsed.row = BillRow(
            line: line, startSeconds: start, endSeconds: start + 86_400, hours: hours, unit: .nodeHours, sku: size,
            pool: Self.aksPool(resource), spot: spot, cost: cost)
        return parsed
    }

    /// `ServiceType` of an `AdditionalInfo` cell (`{"ServiceType": "Standard_NC4as_T4_v3", …}`).
    static func azureServiceType(_ cell: String) -> String? {
        guard let data = cell.data(using: .utf8),
            let info = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return info["ServiceType"] as? String
    }

    /// N-series sizes (`Standard_NC4as_T4_v3`, meter `NC4as T4 v3`): the GPU VMs.
    static func isAzureGPU(_ size: String) -> Bool {
        let name = size.hasPrefix("Standard_") ? size.dropFirst("Standard_".count) : Substring(size)
        guard name.first == "N", let second = name.dropFirst().first else { return false }
        return "CDGV".contains(second)
    }

    /// The AKS node pool of a scale-set resource ID (`…/virtualMachineScaleSets/aks-<pool>-<n>-vmss`).
    static func aksPool(_ resource: String) -> String? {
        guard let range = resource.lowercased().range(of: "/virtualmachinescalesets/aks-") else { return nil }
        let lower = resource.lowercased()
        let pool = lower[range.upperBound...].prefix { $0 != "-" && $0 != "/" }
        return pool.isEmpty ? nil : String(pool)
    }

    // MARK: Columns

    /// The first of `names` the header has.
    private func column(_ names: [String]) -> Int? { names.lazy.compactMap { index[$0] }.first }

    private func value(_ fields: [String], _ names: String...) -> String? {
        column(names).map { fields[$0].trimmingCharacters(in: .whitespaces) }
    }

    /// The trimmed text of the first of `names` the header has, and that column's name.
    private func cell(_ fields: [String], _ names: [String]) throws(InputError) -> (text: String, column: String) {
        guard let name = names.first(where: { index[$0] != nil }), let position = index[name] else {
            throw InputError(
                file: path, line: 1, message: "the header has no column \(names.joined(separator: " or "))")
        }
        return (fields[position].trimmingCharacters(in: .whitespaces), name)
    }

    private func required(_ fields: [String], _ names: String..., line: Int) throws(InputError) -> String {
        try cell(fields, names).text
    }

    /// The first of `names` read by `convert`; an error names the line and the column and says the
    /// text is not `expected`.
    private func parsed<Value>(
        _ fields: [String], _ names: [String], line: Int, expected: String, _ convert: (String) -> Value?
    ) throws(InputError) -> Value {
        let (text, column) = try cell(fields, names)
        guard let value = convert(text) else {
            throw InputError(
                file: path, line: line, field: column, message: "\"\(text.prefix(64))\" is not \(expected)")
        }
        return value
    }

    private func time(_ fields: [String], _ names: String..., line: Int) throws(InputError) -> Double {
        try parsed(fields, names, line: line, expected: "a date and time (YYYY-MM-DD[ HH:MM:SS[zone]] or MM/DD/YYYY)") {
            BillTime.seconds($0)
        }
    }

    private func checkInterval(
        _ start: Double, _ end: Double, _ fields: [String], _ names: String..., line: Int
    ) throws(InputError) {
        guard end > start, end - start <= BillExport.maxInterval else {
            throw InputError(
                file: path, line: line, field: try cell(fields, names).column,
                message: "the usage interval must end after it starts and last at most 31 days")
        }
    }

    private func number(
        _ fields: [String], _ names: String..., line: Int, max: Double
    ) throws(InputError) -> Double {
        try parsed(fields, names, line: line, expected: "a number within 0...\(Int(max))") { text in
            guard text.count <= 64, let number = Double(text), number.isFinite, (0...max).contains(number) else {
                return nil
            }
            return number
        }
    }

    private func money(_ fields: [String], _ names: String..., line: Int) throws(InputError) -> Money {
        try parsed(fields, names, line: line, expected: "an amount within ±\(Int(BillExport.maxCost))") {
            Self.money($0)
        }
    }

    /// `text` as money: a plain decimal exactly (up to 9 decimals), else (exponent notation, more
    /// decimals) rounded to the nano-dollar; `nil` when not a number or beyond ``BillExport/maxCost``.
    static func money(_ text: String) -> Money? {
        guard !text.isEmpty, text.count <= 64 else { return nil }
        let negative = text.hasPrefix("-")
        let magnitude = negative || text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard let number = Double(magnitude), number.isFinite, number >= 0, number <= BillExport.maxCost else {
            return nil
        }
        let amount = Money(dollars: magnitude) ?? Money(nanoDollars: Int64((number * 1e9).rounded()))
        return negative ? Money(nanoDollars: -amount.nanoDollars) : amount
    }
}
