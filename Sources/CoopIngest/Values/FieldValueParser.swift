/// A parser of one field's value: works on the field's UTF-8 bytes; `String` and `Substring`
/// entries come with it. Invariant: all three entries give the same result for the same text.
public protocol FieldValueParser {
    associatedtype Value
    /// The byte-level entry: `bytes` is the field's UTF-8.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Value
}

extension FieldValueParser {
    public static func parse(_ text: String) -> Value {
        UTF8Access.with(text) { parse(utf8: $0) }
    }

    public static func parse(_ text: Substring) -> Value {
        UTF8Access.with(text) { parse(utf8: $0) }
    }
}
