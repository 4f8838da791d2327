import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element: a small, tolerant DOM for reading OOXML parts in tests.
/// Invariant: `name` is the local name (prefix removed); attribute keys keep their prefix as written.
public struct XMLTree: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLTree]
    /// Text directly inside this element (not its children's).
    public var text: String

    /// Parses `data`; throws when the XML is not well-formed.
    public static func parse(_ data: Data, part: String) throws -> XMLTree {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "no root element"
            throw WorkbookReaderError(part: part, message: "XML not well-formed: \(reason)")
        }
        return root
    }

    /// Attribute by exact key (`r:id`) or, failing that, by local name (`id`).
    public func attribute(_ key: String) -> String? {
        if let value = attributes[key] { return value }
        let local = key.split(separator: ":").last.map(String.init) ?? key
        return attributes.first { $0.key.split(separator: ":").last.map(String.init) == local }?.value
    }

    /// First direct child with this local name.
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Direct children with this local name.
    public func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// All descendants (depth first, document order) with this local name.
    public func descendants(_ name: String) -> [XMLTree] {
        var found: [XMLTree] = []
        for child in children {
            if child.name == name { found.append(child) }
            found.append(contentsOf: child.descendants(name))
        }
        return found
    }

    /// First descendant with this local name.
    public func first(_ name: String) -> XMLTree? {
        for child in children {
            if child.name == name { return child }
            if let deeper = child.first(name) { return deeper }
        }
        return nil
    }

    /// Text of this element and all its descendants, concatenated in document order.
    public var allText: String { text + children.map(\.allText).joined() }
}

/// XMLParser delegate building an `XMLTree`.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLTree] = []
    var root: XMLTree?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(XMLTree(name: local, attributes: attributeDict, children: [], text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let done = stack.popLast() else { return }
        if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
    }
}
