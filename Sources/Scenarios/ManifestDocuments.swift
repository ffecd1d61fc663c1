import Yams

/// The documents of a multi-document YAML manifest (`---` separated), each as a ``ConfigNode``
/// at the document root; a `kind: List` (what `kubectl get -o yaml` prints for several objects)
/// stands for its items.
package enum ManifestDocuments {
    package static func roots(yaml: String, file: String) throws(ScenarioFileError) -> [ConfigNode] {
        var roots: [ConfigNode] = []
        do {
            let parser = try Parser(yaml: yaml)
            while let root = try parser.nextRoot() { roots.append(ConfigNode(node: root, file: file, path: "")) }
        } catch let error as YamlError {
            throw ScenarioFileError(file: file, line: error.line, message: "not valid YAML: \(error.problem)")
        } catch {
            throw ScenarioFileError(file: file, message: "not valid YAML: \(error)")
        }
        var objects: [ConfigNode] = []
        for root in roots where !root.isNullScalar {
            if root.isMapping, let map = try? root.mapping(), (try? map.optional("kind")?.string()) == "List",
                let items = map.optional("items")
            {
                objects.append(contentsOf: try items.sequence())
            } else {
                objects.append(root)
            }
        }
        return objects
    }
}
