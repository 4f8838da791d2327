import CoopDomain
import CoopExport
import XCTest

/// Every registry field has a name in every language: a field added to `RegistryField` without
/// one fails here instead of showing its key (`capital_mad`) in the conflicts and rejects tables.
final class FieldLabelTests: XCTestCase {
    func testEveryFieldHasANameInEveryLanguage() {
        for (language, labels) in [("en", ValueLabels.english), ("fr", ValueLabels.french), ("ar", ValueLabels.arabic)] {
            for field in RegistryField.allCases {
                XCTAssertNotNil(labels.fields[field.rawValue], "\(language): no name for \(field.rawValue)")
                XCTAssertNotEqual(labels.field(field), field.rawValue, "\(language): \(field.rawValue) shows its key")
            }
        }
        XCTAssertEqual(ValueLabels.english.field(.capital), "Capital (MAD)")
        XCTAssertEqual(ValueLabels.english.field(.row), "Whole row")
    }
}
