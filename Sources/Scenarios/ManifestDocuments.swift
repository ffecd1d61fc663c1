import Yams

/// The documents of a multi-document YAML manifest (`---` separated), each as a ``ConfigNode``
/// at the document root; a `kind: List` (what `kubectl get -o yaml` prints for several objects)
/// stands for its items.
package enum ManifestDocuments {
    /// Every document in file order, empty ones included (messages count documents from 1).
    package static func documents(yaml: String, file: String) throws(ScenarioFileError) -> [ConfigNode] {
        var documents: [ConfigNode] = []
        do {
            let parser = try Parser(yaml: yaml)
            while let root = try parser.nextRoot() { documents.append(ConfigNode(node: root, file: file, path: "")) }
        } catch let error as YamlError {
            throw ScenarioFileError(file: file, line: error.line, message: "not valid YAML: \(error.problem)")
        } catch {
            throw ScenarioFileError(file: file, message: "not valid YAML: \(error)")
        }
        return documents
    }

    /// The objects of the non-empty documents, a `kind: List` replaced by its items.
    package static func roots(yaml: String, file: String) throws(ScenarioFileError) -> [ConfigNode] {
        var objects: [ConfigNode] = []
        for document in try documents(yaml: yaml, file: file) where !document.isNullScalar {
            objects.append(contentsOf: try expandingLists(document))
        }
        return objects
    }

    /// `document`'s items if it is a `kind: List`, else `document` itself.
    package static func expandingLists(_ document: ConfigNode) throws(ScenarioFileError) -> [ConfigNode] {
        guard document.isMapping else { return [document] }
        let mapping = try document.mapping()
        guard (try? mapping.optional("kind")?.string()) == "List", let items = mapping.optional("items") else {
            return [document]
        }
        return try items.sequence()
    }
}
