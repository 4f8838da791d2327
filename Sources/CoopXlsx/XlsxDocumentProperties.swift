/// Document properties written to docProps/core.xml.
/// Invariant: `created` is fixed by the caller (seconds since 1970 UTC, > 0) so output is byte-reproducible.
public struct XlsxDocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var category: String?
    public var keywords: String?
    public var comments: String?
    /// Creation date as a Unix time (`time_t`); libxlsxwriter also uses it as the modified date.
    public var created: Int

    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
        category: String? = nil, keywords: String? = nil, comments: String? = nil, created: Int
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }

    /// Unix time of a UTC civil date-time (proleptic Gregorian), computed without the C library.
    public static func unixTime(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int {
        // Days from 1970-01-01 (H. Hinnant's days_from_civil), for any valid or normalised date.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3_600 + minute * 60 + second
    }
}
