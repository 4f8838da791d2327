/// The two-digit code of a 2015 region (`01`…`12`), the key every table uses.
/// Invariant: always two ASCII digits, as written in `regions.csv`.
public struct RegionCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Parses `7`, `07` (any digits form already folded to ASCII); nil when not 1–2 digits.
    public init?(number text: String) {
        guard (1...2).contains(text.count), let value = Int(text), value > 0, value < 100 else { return nil }
        self.rawValue = value < 10 ? "0\(value)" : "\(value)"
    }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// A region of the 2015 division, with its names in the three languages and its aliases.
/// Invariant: `aliases` include the three names.
public struct Region: Sendable, Hashable, NamedInThreeLanguages {
    public let code: RegionCode
    public let nameFR: String
    public let nameAR: String
    public let nameEN: String
    public let aliases: [String]

    public init(code: RegionCode, nameFR: String, nameAR: String, nameEN: String, aliases: [String]) {
        self.code = code
        self.nameFR = nameFR
        self.nameAR = nameAR
        self.nameEN = nameEN
        self.aliases = aliases
    }
}

/// A region of the 1997 division (16 regions), mapped to the 2015 region(s) it became.
/// Invariant: a one-to-one legacy region has exactly one `regionCodes` entry; a split one resolves through `provinceToRegion`.
public struct LegacyRegion: Sendable, Hashable {
    public let legacyCode: String
    public let nameFR: String
    public let nameAR: String
    public let nameEN: String
    public let regionCodes: [RegionCode]
    /// Folded province name → the 2015 region that province belongs to.
    public let provinceToRegion: [String: RegionCode]
    public let aliases: [String]

    public init(
        legacyCode: String, nameFR: String, nameAR: String, nameEN: String, regionCodes: [RegionCode],
        provinceToRegion: [String: RegionCode], aliases: [String]
    ) {
        self.legacyCode = legacyCode
        self.nameFR = nameFR
        self.nameAR = nameAR
        self.nameEN = nameEN
        self.regionCodes = regionCodes
        self.provinceToRegion = provinceToRegion
        self.aliases = aliases
    }

    /// The single 2015 region when the legacy region was not split.
    public var directRegion: RegionCode? { regionCodes.count == 1 ? regionCodes[0] : nil }
}

/// A province or prefecture, with its 2015 region and its 1997 region.
/// Invariant: `regionCode` is one of the twelve 2015 codes.
public struct Province: Sendable, Hashable {
    public let nameFR: String
    public let nameAR: String
    public let kind: String
    public let regionCode: RegionCode
    public let legacyCode: String
    public let aliases: [String]

    public init(nameFR: String, nameAR: String, kind: String, regionCode: RegionCode, legacyCode: String, aliases: [String]) {
        self.nameFR = nameFR
        self.nameAR = nameAR
        self.kind = kind
        self.regionCode = regionCode
        self.legacyCode = legacyCode
        self.aliases = aliases
    }

    /// The province's name in `language` (English uses the French name, as the reference has no English one).
    public func name(in language: Language) -> String { language == .ar ? nameAR : nameFR }
}

/// A sector of activity of the taxonomy; `code` is the stable key (`other` catches unknown sectors).
/// Invariant: `code` is written exactly as in `sectors.csv`.
public struct Sector: Sendable, Hashable, NamedInThreeLanguages {
    public let code: String
    public let nameFR: String
    public let nameAR: String
    public let nameEN: String
    public let aliases: [String]

    public init(code: String, nameFR: String, nameAR: String, nameEN: String, aliases: [String]) {
        self.code = code
        self.nameFR = nameFR
        self.nameAR = nameAR
        self.nameEN = nameEN
        self.aliases = aliases
    }
}

/// A place or sector named in French, Arabic and English. Invariant: `name(in:)` picks the language's name.
public protocol NamedInThreeLanguages {
    var nameFR: String { get }
    var nameAR: String { get }
    var nameEN: String { get }
}

extension NamedInThreeLanguages {
    /// The name in `language`.
    public func name(in language: Language) -> String {
        switch language {
        case .en: nameEN
        case .fr: nameFR
        case .ar: nameAR
        }
    }
}
