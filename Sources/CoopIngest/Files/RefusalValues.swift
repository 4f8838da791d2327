import CoopDomain

extension RegistryRefusal {
    /// The refusal as the values an output words in its own language.
    public var values: FileRefusal {
        switch reason {
        case .empty: .empty
        case .noHeader: .noHeader
        case .header(let error, let line):
            switch error.reason {
            case .missing(let field): .missingField(field, line: line, headersFound: error.headersFound)
            case .missingRegionAndProvince: .missingRegionAndProvince(line: line, headersFound: error.headersFound)
            case .repeated(let field, let first, let second):
                .repeatedField(field, firstColumn: first, secondColumn: second, line: line, headersFound: error.headersFound)
            case .noHeader: .noHeader
            }
        case .undecodable(let why): .undecodable(why)
        case .unreadable(let why): .unreadable(why)
        case .beyondLimits(let why): .beyondLimits(why)
        }
    }
}
