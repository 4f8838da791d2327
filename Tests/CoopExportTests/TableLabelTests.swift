import CoopExport
import CoopTransform
import XCTest

/// Every contract table (TableKey) has its sheet in the workbook order and a sheet name, a title and
/// a description in every language: a table added without them fails here instead of showing its key.
final class TableLabelTests: XCTestCase {
    func testEveryTableHasItsLabelsInEveryLanguage() {
        for (language, labels) in [("en", WorkbookLabels.english), ("fr", WorkbookLabels.french), ("ar", WorkbookLabels.arabic)] {
            for key in TableKey.allCases {
                XCTAssertTrue(WorkbookLabels.sheetOrder.contains(key.rawValue), "\(key.rawValue) has no place in the sheet order")
                XCTAssertNotNil(labels.sheets[key.rawValue], "\(language): no sheet name for \(key.rawValue)")
                XCTAssertNotNil(labels.titles[key.rawValue], "\(language): no title for \(key.rawValue)")
                XCTAssertNotNil(labels.descriptions[key.rawValue], "\(language): no description for \(key.rawValue)")
            }
            for key in [TableKey.yearly, .quarterly] {
                XCTAssertNotNil(labels.words["change_" + key.rawValue], "\(language): no growth header for \(key.rawValue)")
            }
        }
        XCTAssertEqual(WorkbookLabels.english.sheet(TableKey.byRegion.rawValue), "By region")
    }

    func testKeysAreTheContractNames() {
        XCTAssertEqual(
            TableKey.allCases.map(\.rawValue),
            [
                "by_region", "by_province", "province_sector", "by_sector", "by_gender", "region_sector", "yearly",
                "quarterly", "comparison", "data_quality", "by_community", "youth_by_region", "youth_by_province",
            ])
        XCTAssertEqual(TableKey.places(regional: true), .byProvince)
        XCTAssertEqual(TableKey.placeSectors(regional: false), .regionSector)
        XCTAssertEqual(TableKey.youth(regional: true), .youthByProvince)
    }
}
