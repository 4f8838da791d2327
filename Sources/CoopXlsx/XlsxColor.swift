/// An RGB colour as Excel stores it (0xRRGGBB).
/// Invariant: black is representable (libxlsxwriter treats 0 as "unset"; `lxwValue` handles it).
public struct XlsxColor: Hashable, Sendable {
    public let rgb: UInt32

    public init(rgb: UInt32) { self.rgb = rgb & 0xFFFFFF }

    public static let black = XlsxColor(rgb: 0x000000)
    public static let white = XlsxColor(rgb: 0xFFFFFF)

    /// The value libxlsxwriter expects: 0x1000000 means black, 0 would mean "no colour".
    var lxwValue: UInt32 { rgb == 0 ? 0x100_0000 : rgb }
}
