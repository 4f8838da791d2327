import CoopDomain
import XCTest

@testable import CoopPipeline

final class RefreshConfigTests: XCTestCase {
    let full = """
        # nightly refresh
        inputs = ["registries", "extra/one.csv", "more/*.csv"]
        output_root = "reports"
        period = "2024Q3"
        languages = ["fr", "ar"]
        formats = ["xlsx", "csv"]
        reject_threshold = "5%"
        keep = 3
        reference = "../ref"
        region = "07"
        only = "soulaliyate"
        quiet = true
        log_format = "json"

        [range]
        start = 2010-01-01
        end = "2023-06-30"

        [[file]]
        path = "registries/old_office.csv"
        encoding = "windows-1256"
        delimiter = ";"

        [[file]]
        path = "/abs/x.csv"
        """

    func testValidFileParsesEveryKeyAndResolvesRelativePaths() throws {
        let c = try RefreshConfig.parse(text: full, configPath: "/etc/coop/refresh.toml")
        XCTAssertEqual(c.inputs, ["/etc/coop/registries", "/etc/coop/extra/one.csv", "/etc/coop/more/*.csv"])
        XCTAssertEqual(c.outputRoot.path, "/etc/coop/reports")
        XCTAssertEqual(c.period, .fixed(.quarter(Quarter(year: 2024, index: 3)!)))
        XCTAssertEqual(c.languages, [.fr, .ar])
        XCTAssertEqual(c.primaryLanguage, .fr)
        XCTAssertEqual(c.formats, [.xlsx, .csv])
        XCTAssertEqual(c.rejectThreshold, .percent(5))
        XCTAssertEqual(c.keep, 3)
        XCTAssertEqual(c.reference?.path, "/etc/ref")
        XCTAssertEqual(c.region, RegionChoice(RegionCode("07")))
        XCTAssertEqual(c.only, .soulaliyate)
        XCTAssertTrue(c.quiet)
        XCTAssertEqual(c.logFormat, .json)
        XCTAssertEqual(c.rangeStart?.description, "2010-01-01")
        XCTAssertEqual(c.rangeEnd?.description, "2023-06-30")
        XCTAssertEqual(
            c.fileOverrides,
            [
                .init(path: "/etc/coop/registries/old_office.csv", encoding: .windows1256, delimiter: .semicolon),
                .init(path: "/abs/x.csv", encoding: nil, delimiter: nil),
            ])
        XCTAssertEqual(c.configText, full)
        XCTAssertEqual(c.configPath, "/etc/coop/refresh.toml")
    }

    func testDefaults() throws {
        let c = try RefreshConfig.parse(text: "inputs = [\"in\"]\noutput_root = \"/out\"\n", configPath: "/a/b.toml")
        XCTAssertEqual(c.period, .latest)
        XCTAssertEqual(c.languages, [.en])
        XCTAssertEqual(c.formats, [.xlsx, .txt, .csv, .json])
        XCTAssertNil(c.rejectThreshold)
        XCTAssertEqual(c.keep, 8)
        XCTAssertNil(c.reference)
        XCTAssertNil(c.region)
        XCTAssertFalse(c.quiet)
        XCTAssertEqual(c.logFormat, .human)
        // No [range]: 2005-01-01 .. the run's today, settled when the run knows its today.
        XCTAssertNil(c.rangeStart)
        XCTAssertNil(c.rangeEnd)
        XCTAssertNil(c.today)
        XCTAssertEqual(c.outputRoot.path, "/out")
    }

    func testUnknownTopLevelKeyNamesItsLine() {
        let text = "inputs = [\"in\"]\noutput_root = \"out\"\n\nouput_format = \"x\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: text, configPath: "/c/r.toml")) { e in
            let error = e as! ConfigError
            XCTAssertEqual(error.line, 4)
            XCTAssertEqual(error.key, "ouput_format")
            XCTAssertEqual(error.exitCode, .usage)
            XCTAssertTrue(error.description.hasPrefix("/c/r.toml:4: key 'ouput_format': unknown key"), error.description)
        }
    }

    func testUnknownKeyInRangeAndInFileEntry() {
        let range = "inputs = [\"in\"]\noutput_root = \"out\"\n[range]\nstart = 2005-01-01\nstop = 2024-12-31\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: range, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 5)
            XCTAssertEqual((e as! ConfigError).key, "range.stop")
        }
        let file =
            "inputs = [\"in\"]\noutput_root = \"out\"\n[[file]]\npath = \"a.csv\"\n\n[[file]]\npath = \"b.csv\"\nencodng = \"utf-8\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: file, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 8)
            XCTAssertEqual((e as! ConfigError).key, "file[2].encodng")
        }
        let table = "inputs = [\"in\"]\noutput_root = \"out\"\n\n[ranges]\nstart = 2005-01-01\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: table, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 4)
            XCTAssertEqual((e as! ConfigError).key, "ranges")
        }
    }

    func testWrongTypesNameKeyAndLine() {
        let keep = "inputs = [\"in\"]\noutput_root = \"out\"\nkeep = \"8\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: keep, configPath: "/c/r.toml")) { e in
            let error = e as! ConfigError
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.key, "keep")
            XCTAssertTrue(error.reason.contains("integer"), error.reason)
        }
        let langs = "inputs = [\"in\"]\nlanguages = [\"fr\", 3]\noutput_root = \"out\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: langs, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 2)
            XCTAssertEqual((e as! ConfigError).key, "languages")
        }
        let quiet = "inputs = [\"in\"]\noutput_root = \"out\"\n\n\nquiet = \"yes\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: quiet, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 5)
        }
        let date = "inputs = [\"in\"]\noutput_root = \"out\"\n[range]\nstart = \"2019-02-31\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: date, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 4)
            XCTAssertEqual((e as! ConfigError).key, "range.start")
        }
    }

    func testBadValuesAndMissingKeys() {
        func fails(_ text: String, key: String, line: Int?) {
            XCTAssertThrowsError(try RefreshConfig.parse(text: text, configPath: "/c/r.toml")) { e in
                XCTAssertEqual((e as! ConfigError).key, key, "\(e)")
                XCTAssertEqual((e as! ConfigError).line, line, "\(e)")
            }
        }
        fails("output_root = \"out\"\n", key: "inputs", line: nil)
        fails("inputs = [\"in\"]\noutput_root = \"out\"\nkeep = 0\n", key: "keep", line: 3)
        fails("inputs = [\"in\"]\noutput_root = \"out\"\nperiod = \"2024Q5\"\n", key: "period", line: 3)
        fails("inputs = [\"in\"]\noutput_root = \"out\"\nformats = [\"pdf\"]\n", key: "formats", line: 3)
        fails("inputs = [\"in\"]\noutput_root = \"out\"\nregion = \"13\"\n", key: "region", line: 3)
        fails("inputs = [\"in\"]\noutput_root = \"out\"\nreject_threshold = \"five\"\n", key: "reject_threshold", line: 3)
        fails("inputs = [\"in\"]\noutput_root = \"out\"\n[range]\nstart = 2020-01-01\nend = 2019-01-01\n", key: "range.end", line: 5)
    }

    func testTOMLSyntaxErrorCarriesLine() {
        let text = "inputs = [\"in\"]\noutput_root = \"out\"\nkeep = = 3\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: text, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 3)
            XCTAssertEqual((e as! ConfigError).exitCode, .usage)
        }
    }

    func testThresholdPercentVersusCount() throws {
        let pct = try RefreshConfig.parse(
            text: "inputs = [\"in\"]\noutput_root = \"o\"\nreject_threshold = \"5%\"\n", configPath: "/c/r.toml")
        let count = try RefreshConfig.parse(
            text: "inputs = [\"in\"]\noutput_root = \"o\"\nreject_threshold = 12\n", configPath: "/c/r.toml")
        XCTAssertEqual(pct.rejectThreshold, .percent(5))
        XCTAssertEqual(count.rejectThreshold, .count(12))
        // 5% of 200 rows is 10 rejected rows: 10 is tolerated, 11 is not.
        XCTAssertFalse(pct.rejectThreshold!.isExceeded(rejected: 10, rowsRead: 200))
        XCTAssertTrue(pct.rejectThreshold!.isExceeded(rejected: 11, rowsRead: 200))
        // A count ignores the number of rows.
        XCTAssertFalse(count.rejectThreshold!.isExceeded(rejected: 12, rowsRead: 13))
        XCTAssertTrue(count.rejectThreshold!.isExceeded(rejected: 13, rowsRead: 1_000_000))
    }

    func testPeriodIsReadWithTheCommandLinesGrammar() throws {
        // The config and --period share PeriodSpec(parsing:): "2024q4" and "Latest" are read the same way.
        func period(_ text: String) throws -> PeriodSpec {
            try RefreshConfig.parse(text: "inputs = \"a\"\noutput_root = \"o\"\nperiod = \"\(text)\"\n", configPath: "/c/r.toml").period
        }
        XCTAssertEqual(try period("2024q4"), .fixed(.quarter(Quarter(year: 2024, index: 4)!)))
        XCTAssertEqual(try period("Latest"), .latest)
        XCTAssertEqual(try period("previous-quarter"), .previousQuarter)
        XCTAssertEqual(try period("all"), .fixed(.all))
        XCTAssertEqual(try period("2024"), .fixed(.year(2024)))
        XCTAssertEqual(try period("2020..2024"), .fixed(.years(2020, 2024)))
        // An unquoted year is the same year.
        let year = try RefreshConfig.parse(text: "inputs = \"a\"\noutput_root = \"o\"\nperiod = 2024\n", configPath: "/c/r.toml")
        XCTAssertEqual(year.period, .fixed(.year(2024)))
        for bad in ["2024Q0", "24", "2024..2020", ""] {
            XCTAssertThrowsError(try period(bad), bad) { e in
                XCTAssertEqual((e as? ConfigError)?.key, "period", bad)
                XCTAssertEqual((e as? ConfigError)?.line, 3, bad)
            }
            XCTAssertThrowsError(try PeriodSpec(optionText: bad), bad)
        }
    }

    func testLoadMissingFileIsNoInput() {
        XCTAssertThrowsError(try RefreshConfig.load(path: "/nonexistent/coopstat.toml")) { e in
            XCTAssertEqual((e as! ConfigError).exitCode, .noInput)
        }
    }

    func testInputExpansionFilesFoldersAndGlobs() throws {
        let dir = try RefreshTestFolder()
        try dir.write("registries/b.csv", "x")
        try dir.write("registries/sub/a.CSV", "x")
        try dir.write("registries/notes.txt", "x")
        try dir.write("more/z.csv", "x")
        try dir.write("more/y.csv", "x")
        try dir.write("refresh.toml", "inputs = [\"registries\", \"more/*.csv\"]\noutput_root = \"out\"\n")
        let c = try RefreshConfig.load(path: dir.path + "/refresh.toml")
        let files = try InputFiles.expand(c.inputs).map { String($0.dropFirst(dir.path.count + 1)) }
        XCTAssertEqual(files, ["more/y.csv", "more/z.csv", "registries/b.csv", "registries/sub/a.CSV"])
        XCTAssertThrowsError(try InputFiles.expand([dir.path + "/missing.csv"])) { e in
            XCTAssertEqual((e as! InputError).exitCode, .noInput)
        }
        XCTAssertThrowsError(try InputFiles.expand([dir.path + "/none/*.csv"]))
    }
}

final class RefreshConfigKeyLineTests: XCTestCase {
    func testDottedAndInlineRangeAndMultilineArrays() throws {
        let dotted = "inputs = [\n  \"a\",\n  \"b\",\n]\noutput_root = \"o\"\nrange.start = 2010-01-01\nrange.finish = 2011-01-01\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: dotted, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 7)
            XCTAssertEqual((e as! ConfigError).key, "range.finish")
        }
        let inline = "inputs = \"a\"\noutput_root = \"o\"\nrange = { start = \"2010-01-01\", end = 2012-12-31 }\n"
        let c = try RefreshConfig.parse(text: inline, configPath: "/c/r.toml")
        XCTAssertEqual(c.inputs, ["/c/a"])
        XCTAssertEqual(c.rangeStart?.description, "2010-01-01")
        XCTAssertEqual(c.rangeEnd?.description, "2012-12-31")
        let multiline = "inputs = [\n  \"a\",\n  7,\n]\noutput_root = \"o\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: multiline, configPath: "/c/r.toml")) { e in
            XCTAssertEqual((e as! ConfigError).line, 1)
            XCTAssertEqual((e as! ConfigError).reason, "item 2 must be an array of strings, found integer")
        }
    }

    func testRegionAcceptsIntegerAndPadsCode() throws {
        let c = try RefreshConfig.parse(text: "inputs = \"a\"\noutput_root = \"o\"\nregion = 7\n", configPath: "/c/r.toml")
        XCTAssertEqual(c.region, RegionChoice(RegionCode("07")))
        // A name is kept as written; the run resolves it against the reference tables it loads.
        let named = try RefreshConfig.parse(
            text: "inputs = \"a\"\noutput_root = \"o\"\nregion = \"Marrakech-Safi\"\n", configPath: "/c/r.toml")
        XCTAssertEqual(named.region?.text, "Marrakech-Safi")
    }
}
