import CoopDomain
import CoopIngest
import XCTest

@testable import CoopPipeline

/// The option model: one grammar for the command line and the config file, layered defaults <
/// config < command line, and the checks that need the options together.
final class OptionModelTests: XCTestCase {
    func testEachValueReadsItsWordsAndNamesTheFix() throws {
        XCTAssertEqual(try Language(optionText: "FR"), .fr)
        XCTAssertEqual(try TextEncoding(optionText: "cp1256"), .windows1256)
        XCTAssertEqual(try FieldDelimiter(optionText: "TAB"), .tab)
        XCTAssertEqual(try FieldDelimiter(optionText: ";").byte, 0x3B)
        XCTAssertEqual(try RegionCode(optionText: "7"), RegionCode("07"))
        // A region by code (checked at once) or by name (as written, resolved when the reference is loaded).
        XCTAssertEqual(try RegionChoice(optionText: "7").text, "07")
        XCTAssertEqual(try RegionChoice(optionText: "  Marrakech-Safi ").text, "Marrakech-Safi")
        XCTAssertEqual(try Day(optionText: "2010-02-28"), Day(year: 2010, month: 2, day: 28))
        XCTAssertEqual(try ScopeGroup(optionText: "Soulaliyate"), .soulaliyate)
        XCTAssertEqual(try RejectThreshold(optionText: "2.5%"), .percent(2.5))
        XCTAssertEqual(try LogFormat(optionText: "json"), .json)
        XCTAssertEqual(try OutputFormatList(optionText: "json, xlsx,json").formats, [.xlsx, .json])
        let cases: [(String, () throws -> Void)] = [
            ("'de' is not a language; use en, fr or ar", { _ = try Language(optionText: "de") }),
            ("'13' is not a 2015 region code; use 01 to 12", { _ = try RegionCode(optionText: "13") }),
            ("'13' is not a 2015 region code; use 01 to 12", { _ = try RegionChoice(optionText: "13") }),
            ("' ' is not a 2015 region; give its code (07) or its name (Marrakech-Safi)", { _ = try RegionChoice(optionText: " ") }),
            ("'2024-02-30' is not a date; write YYYY-MM-DD, e.g. 2005-01-01", { _ = try Day(optionText: "2024-02-30") }),
            ("'pdf' is not a format; use xlsx, txt, csv or json", { _ = try OutputFormatList(optionText: "xlsx,pdf") }),
            ("'x' is not a known delimiter; use ',' ';' 'tab' or '|'", { _ = try FieldDelimiter(optionText: "x") }),
        ]
        for (message, parse) in cases {
            XCTAssertThrowsError(try parse(), message) { error in
                XCTAssertEqual((error as? OptionError)?.description, message)
            }
        }
    }

    func testEveryWordOfferedToCompletionsIsAccepted() throws {
        for word in Language.optionValues { XCTAssertNoThrow(try Language(optionText: word), word) }
        for word in TextEncoding.optionValues { XCTAssertNoThrow(try TextEncoding(optionText: word), word) }
        for word in FieldDelimiter.optionValues { XCTAssertNoThrow(try FieldDelimiter(optionText: word), word) }
        for word in RegionCode.optionValues { XCTAssertNoThrow(try RegionCode(optionText: word), word) }
        for word in RegionChoice.optionValues { XCTAssertNoThrow(try RegionChoice(optionText: word), word) }
        for word in PeriodSpec.optionValues { XCTAssertNoThrow(try PeriodSpec(optionText: word), word) }
        for word in OutputFormat.optionValues { XCTAssertNoThrow(try OutputFormat(optionText: word), word) }
        XCTAssertEqual(RegionCode.optionValues.count, 12)
        XCTAssertEqual(FieldDelimiter.optionValues, [",", ";", "tab", "|"])
    }

    func testTheConfigFileReadsValuesWithTheSameGrammar() throws {
        let text = """
            inputs = "a"
            output_root = "o"
            languages = ["FR", "ar", "fr"]
            region = " 7"
            only = "Soulaliyate"

            [[file]]
            path = "x.csv"
            encoding = "cp1256"
            delimiter = "tab"
            """
        let config = try RefreshConfig.parse(text: text, configPath: "/c/r.toml")
        XCTAssertEqual(config.languages, [.fr, .ar])
        XCTAssertEqual(config.region, try RegionChoice(optionText: " 7"))
        XCTAssertEqual(config.region?.text, "07")
        XCTAssertEqual(config.only, .soulaliyate)
        XCTAssertEqual(config.fileOverrides, [.init(path: "/c/x.csv", encoding: .windows1256, delimiter: .tab)])
        // A bad value carries the option model's sentence, located at its line and key.
        let bad = "inputs = \"a\"\noutput_root = \"o\"\n\n[[file]]\npath = \"x.csv\"\nencoding = \"koi8\"\n"
        XCTAssertThrowsError(try RefreshConfig.parse(text: bad, configPath: "/c/r.toml")) { error in
            XCTAssertEqual(
                (error as? ConfigError)?.description,
                "/c/r.toml:6: key 'file[1].encoding': 'koi8' is not a known encoding; use utf-8, utf-16, windows-1252 or windows-1256")
        }
    }

    func testCommandLineWinsOverTheConfigWhichWinsOverDefaults() throws {
        let folder = try RefreshTestFolder()
        try folder.write(
            "run.toml",
            """
            inputs = ["registries"]
            output_root = "out"
            period = "2023"
            languages = ["fr"]
            formats = ["csv"]
            region = "07"

            [range]
            start = 2010-01-01
            end = 2020-12-31
            """)
        var line = CommandLineOptions()
        line.config = folder.path + "/run.toml"
        line.language = .ar
        line.rangeEnd = Day(year: 2019, month: 6, day: 30)
        line.delimiter = .pipe
        let today = Day(year: 2025, month: 3, day: 1)!
        let options = try RunOptions(commandLine: line, needsOutput: true, today: today, bundledReference: "/ref")
        XCTAssertEqual(options.inputs, [folder.url.standardizedFileURL.path + "/registries"])
        XCTAssertEqual(options.output, folder.url.standardizedFileURL.path + "/out")  // from the config
        XCTAssertEqual(options.period, .fixed(.year(2023)))  // from the config
        XCTAssertEqual(options.languages, [.ar])  // the command line wins
        XCTAssertEqual(options.formats, [.csv])
        XCTAssertEqual(options.scope.region, RegionChoice(RegionCode("07")))
        XCTAssertEqual(options.range.start, Day(year: 2010, month: 1, day: 1))  // config start, command-line end
        XCTAssertEqual(options.range.end, Day(year: 2019, month: 6, day: 30))
        XCTAssertEqual(options.defaultFormat.delimiter, 0x7C)
        XCTAssertEqual(options.referenceFolder, "/ref")
    }

    /// `run --config FILE --input IN --output OUT`: a config holding only shared settings (no
    /// `inputs`, no `output_root`) is layered under the command line, not refused.
    func testARunConfigNeedNotNameInputsOrOutput() throws {
        let folder = try RefreshTestFolder()
        try folder.write("shared.toml", "period = 2023\nlanguages = [\"fr\"]\nformats = [\"csv\"]\n")
        var line = CommandLineOptions()
        line.config = folder.path + "/shared.toml"
        line.inputs = ["/data/registries"]
        line.output = "/data/out"
        let today = Day(year: 2025, month: 3, day: 1)!
        let options = try RunOptions(commandLine: line, needsOutput: true, today: today, bundledReference: "/ref")
        XCTAssertEqual(options.inputs, ["/data/registries"])
        XCTAssertEqual(options.output, "/data/out")
        XCTAssertEqual(options.period, .fixed(.year(2023)))  // `period = 2023`, a TOML integer
        XCTAssertEqual(options.languages, [.fr])
        XCTAssertEqual(options.formats, [.csv])
        // validate needs no output; run without --output and without output_root says what to pass.
        line.output = nil
        XCTAssertNoThrow(try RunOptions(commandLine: line, needsOutput: false, today: today, bundledReference: "/ref"))
        XCTAssertThrowsError(try RunOptions(commandLine: line, needsOutput: true, today: today, bundledReference: "/ref")) { error in
            XCTAssertEqual((error as? PipelineError)?.message, "no output folder; pass --output DIR")
        }
        line.inputs = []
        XCTAssertThrowsError(try RunOptions(commandLine: line, needsOutput: false, today: today, bundledReference: "/ref")) { error in
            XCTAssertEqual(
                (error as? PipelineError)?.message, "no input given; pass --input FILE_OR_FOLDER (or inputs = [...] in --config)")
        }
        // refresh still needs both in the file.
        XCTAssertThrowsError(try RefreshConfig.load(path: folder.path + "/shared.toml")) { error in
            XCTAssertEqual((error as? ConfigError)?.key, "inputs")
        }
    }

    func testChecksThatNeedTheOptionsTogether() {
        let today = Day(year: 2025, month: 3, day: 1)!
        func message(_ line: CommandLineOptions, needsOutput: Bool = true) -> String? {
            do {
                _ = try RunOptions(commandLine: line, needsOutput: needsOutput, today: today, bundledReference: "/ref")
                return nil
            } catch {
                XCTAssertEqual(error.status, .usage)
                return error.message
            }
        }
        var line = CommandLineOptions()
        XCTAssertEqual(message(line), "no input given; pass --input FILE_OR_FOLDER (or inputs = [...] in --config)")
        line.inputs = ["in"]
        XCTAssertEqual(message(line), "no output folder; pass --output DIR")
        XCTAssertNil(message(line, needsOutput: false))  // validate writes nothing
        line.output = "out"
        line.rangeStart = Day(year: 2025, month: 1, day: 1)  // before the default end, today 2025-03-01
        XCTAssertNil(message(line))
        line.rangeStart = Day(year: 2025, month: 4, day: 1)  // after today, the default end
        XCTAssertEqual(message(line), "the analysed range 2025-04-01..2025-03-01 is reversed; the start must come first")
        line.today = Day(year: 2025, month: 5, day: 10)  // --today moves the default end
        XCTAssertNil(message(line))
    }

    func testTodayDrivesTheDefaultRangeAndCommandLineWins() throws {
        let system = try XCTUnwrap(Day(year: 2026, month: 2, day: 3))
        var line = CommandLineOptions()
        line.inputs = ["in"]
        line.output = "out"
        var options = try RunOptions(commandLine: line, needsOutput: true, today: system, bundledReference: "/ref")
        XCTAssertEqual(options.range.start, Day(year: 2005, month: 1, day: 1))
        XCTAssertEqual(options.range.end, system)
        XCTAssertEqual(options.range.today, system)
        line.today = Day(year: 2025, month: 5, day: 10)
        options = try RunOptions(commandLine: line, needsOutput: true, today: system, bundledReference: "/ref")
        XCTAssertEqual(options.today, Day(year: 2025, month: 5, day: 10))
        XCTAssertEqual(options.range.end, Day(year: 2025, month: 5, day: 10))
    }

    func testTheConfigErrorTravelsAsAValueToTheEdge() throws {
        let folder = try RefreshTestFolder()
        try folder.write("bad.toml", "inputs = \"a\"\noutput_root = \"o\"\nkeep = 0\n")
        var line = CommandLineOptions()
        line.config = folder.path + "/bad.toml"
        XCTAssertThrowsError(
            try RunOptions(commandLine: line, needsOutput: true, today: Day(year: 2025, month: 3, day: 1)!, bundledReference: "/ref")
        ) { error in
            let pipeline = error as? PipelineError
            XCTAssertEqual(pipeline?.status, .usage)
            // The cause is the config error itself, with its line and key, not only its text.
            let cause = pipeline?.cause as? ConfigError
            XCTAssertEqual(cause?.line, 3)
            XCTAssertEqual(cause?.key, "keep")
            XCTAssertEqual(pipeline?.message, cause?.description)
        }
    }
}
