import Foundation
import ZIPFoundation

/// Reads an .xlsx file back (sheets, cells, tables, charts, styles, properties) so tests can check what was written.
/// Invariant: `sheets` are in workbook order; everything is read at init, the file is not kept open.
public struct WorkbookReader: Sendable {
    public let sheets: [ReadSheet]
    /// `dcterms:created` of docProps/core.xml, e.g. "2024-10-01T00:00:00Z".
    public let created: String?
    /// `dcterms:modified` of docProps/core.xml.
    public let modified: String?
    /// `dc:title` of docProps/core.xml.
    public let title: String?
    /// All zip entry paths, in archive order.
    public let entryPaths: [String]

    public var sheetNames: [String] { sheets.map(\.name) }

    /// The sheet with exactly this name.
    public func sheet(named name: String) -> ReadSheet? { sheets.first { $0.name == name } }

    /// All tables of all sheets.
    public var tables: [ReadTable] { sheets.flatMap(\.tables) }

    /// All charts of all sheets.
    public var charts: [ReadChart] { sheets.flatMap(\.charts) }

    public init(path: String) throws { try self.init(url: URL(fileURLWithPath: path)) }

    public init(url: URL) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookReaderError(part: url.path, message: "not a zip archive (\(error))")
        }
        let package = Package(archive: archive, name: url.lastPathComponent)
        entryPaths = archive.map(\.path)

        let sharedStrings = try package.optionalTree("xl/sharedStrings.xml").map(Self.sharedStrings) ?? []
        let numberFormats = try package.optionalTree("xl/styles.xml").map(Self.numberFormats) ?? []

        let workbook = try package.tree("xl/workbook.xml")
        let workbookRels = try package.relationships(of: "xl/workbook.xml")
        // Defined names local to a sheet: localSheetId is the sheet's position in <sheets>.
        var localNames: [Int: [String: String]] = [:]
        for definedName in workbook.descendants("definedName") {
            guard let name = definedName.attribute("name"), let id = definedName.attribute("localSheetId").flatMap(Int.init) else {
                continue
            }
            localNames[id, default: [:]][name] = definedName.text
        }
        var sheets: [ReadSheet] = []
        for (position, sheet) in workbook.descendants("sheet").enumerated() {
            let name = sheet.attribute("name") ?? ""
            guard let rid = sheet.attribute("r:id"), let part = workbookRels[rid] else {
                throw WorkbookReaderError(part: "xl/workbook.xml", message: "sheet '\(name)' has no relationship")
            }
            sheets.append(
                try Self.readSheet(
                    name: name, part: part, package: package,
                    sharedStrings: sharedStrings, numberFormats: numberFormats, definedNames: localNames[position] ?? [:]))
        }
        self.sheets = sheets

        let core = try package.optionalTree("docProps/core.xml")
        created = core?.first("created")?.text
        modified = core?.first("modified")?.text
        title = core?.first("title")?.text
    }

    // MARK: parts

    static func sharedStrings(_ tree: XMLTree) -> [String] {
        tree.children("si").map { si in
            // Plain <t>, or rich runs <r><t>; phonetic runs (<rPh>) are not part of the value.
            si.children.filter { $0.name == "t" || $0.name == "r" }.map(\.allText).joined()
        }
    }

    /// Number format code per cellXfs index.
    static func numberFormats(_ styles: XMLTree) -> [String] {
        var custom: [Int: String] = [:]
        for numFmt in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = numFmt.attribute("numFmtId").flatMap(Int.init), let code = numFmt.attribute("formatCode") {
                custom[id] = code
            }
        }
        return (styles.child("cellXfs")?.children("xf") ?? []).map { xf in
            let id = xf.attribute("numFmtId").flatMap(Int.init) ?? 0
            return custom[id] ?? builtinNumberFormats[id] ?? "General"
        }
    }

    /// Excel's built-in number formats that libxlsxwriter may refer to by id.
    static let builtinNumberFormats: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        12: "# ?/?", 13: "# ??/??", 14: "m/d/yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)",
        38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
    ]

    static func readSheet(
        name: String, part: String, package: Package, sharedStrings: [String],
        numberFormats: [String], definedNames: [String: String] = [:]
    ) throws -> ReadSheet {
        let tree = try package.tree(part)
        var cells: [String: ReadCell] = [:]
        for c in tree.child("sheetData")?.descendants("c") ?? [] {
            guard let reference = c.attribute("r") else { continue }
            let style = c.attribute("s").flatMap(Int.init) ?? 0
            let type = c.attribute("t") ?? "n"
            let raw = c.child("v")?.text ?? ""
            let kind: ReadCell.Kind
            var value = raw
            switch type {
            case "s":
                kind = .sharedString
                value = Int(raw).flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
            case "inlineStr":
                kind = .inlineString
                value = c.child("is").map(\.allText) ?? ""
            case "str": kind = .formulaString
            case "b": kind = .boolean
            case "e": kind = .error
            default: kind = .number
            }
            cells[reference] = ReadCell(
                reference: reference, kind: kind, value: value, formula: c.child("f").map(\.text),
                styleIndex: style, numberFormat: style < numberFormats.count ? numberFormats[style] : "General")
        }

        let view = tree.child("sheetViews")?.child("sheetView")
        let rtl = ["1", "true"].contains(view?.attribute("rightToLeft") ?? "0")
        var frozen: ReadSheet.FrozenPane?
        if let pane = view?.child("pane"), (pane.attribute("state") ?? "").hasPrefix("frozen") {
            frozen = ReadSheet.FrozenPane(
                rows: pane.attribute("ySplit").flatMap(Double.init).map { Int($0) } ?? 0,
                columns: pane.attribute("xSplit").flatMap(Double.init).map { Int($0) } ?? 0,
                topLeftCell: pane.attribute("topLeftCell"))
        }

        var widths: [Int: Double] = [:]
        for col in tree.child("cols")?.children("col") ?? [] {
            guard let min = col.attribute("min").flatMap(Int.init), let max = col.attribute("max").flatMap(Int.init),
                let width = col.attribute("width").flatMap(Double.init), min >= 1, max >= min, max <= 16_384
            else { continue }
            for column in min...max { widths[column - 1] = width }
        }

        let merged = tree.child("mergeCells")?.children("mergeCell").compactMap { $0.attribute("ref") } ?? []
        let conditional = tree.children("conditionalFormatting").flatMap { $0.children("cfRule") }.compactMap { $0.attribute("type") }

        let rels = try package.relationships(of: part)
        var tables: [ReadTable] = []
        for tablePart in tree.child("tableParts")?.children("tablePart") ?? [] {
            guard let rid = tablePart.attribute("r:id"), let target = rels[rid] else { continue }
            tables.append(try readTable(part: target, package: package))
        }
        var charts: [ReadChart] = []
        for drawing in tree.children("drawing") {
            guard let rid = drawing.attribute("r:id"), let drawingPart = rels[rid] else { continue }
            let drawingTree = try package.tree(drawingPart)
            let drawingRels = try package.relationships(of: drawingPart)
            for chartRef in drawingTree.descendants("chart") {
                guard let rid = chartRef.attribute("r:id"), let chartPart = drawingRels[rid] else { continue }
                charts.append(try readChart(part: chartPart, package: package))
            }
        }
        let page = tree.child("pageSetup")
        let printOptions = tree.child("printOptions")
        let fitToPage = tree.child("sheetPr")?.child("pageSetUpPr")?.attribute("fitToPage")
        let pageSetup = ReadSheet.PageSetup(
            paperSize: page?.attribute("paperSize").flatMap(Int.init), orientation: page?.attribute("orientation"),
            fitToWidth: page?.attribute("fitToWidth").flatMap(Int.init) ?? 1,
            fitToHeight: page?.attribute("fitToHeight").flatMap(Int.init) ?? 1,
            fitToPage: fitToPage == "1" || fitToPage == "true",
            centeredHorizontally: ["1", "true"].contains(printOptions?.attribute("horizontalCentered") ?? "0"),
            footer: tree.child("headerFooter")?.child("oddFooter")?.text,
            rowBreaks: tree.child("rowBreaks")?.children("brk").compactMap { $0.attribute("id").flatMap(Int.init) } ?? [])
        return ReadSheet(
            name: name, part: part, cells: cells, rightToLeft: rtl, frozenPane: frozen, columnWidths: widths,
            mergedRanges: merged, conditionalFormatTypes: conditional, tables: tables, charts: charts,
            pageSetup: pageSetup, printTitles: definedNames["_xlnm.Print_Titles"], printArea: definedNames["_xlnm.Print_Area"])
    }

    static func readTable(part: String, package: Package) throws -> ReadTable {
        let tree = try package.tree(part)
        let columns = (tree.child("tableColumns")?.children("tableColumn") ?? []).map {
            ReadTable.Column(
                name: $0.attribute("name") ?? "", totalsRowFunction: $0.attribute("totalsRowFunction"),
                totalsRowLabel: $0.attribute("totalsRowLabel"))
        }
        return ReadTable(
            part: part, name: tree.attribute("name") ?? "", displayName: tree.attribute("displayName") ?? "",
            reference: tree.attribute("ref") ?? "", columns: columns,
            totalsRowShown: tree.attribute("totalsRowShown").map { $0 == "1" || $0 == "true" },
            totalsRowCount: tree.attribute("totalsRowCount").flatMap(Int.init) ?? 0,
            styleName: tree.child("tableStyleInfo")?.attribute("name"),
            autoFilterReference: tree.child("autoFilter")?.attribute("ref"))
    }

    static func readChart(part: String, package: Package) throws -> ReadChart {
        let tree = try package.tree(part)
        let plotArea = tree.first("plotArea")
        let plots = (plotArea?.children ?? []).filter { $0.name.hasSuffix("Chart") }
        var series: [ReadChart.Series] = []
        for plot in plots {
            for ser in plot.children("ser") {
                let tx = ser.child("tx")
                series.append(
                    ReadChart.Series(
                        chartType: plot.name,
                        name: tx?.child("v")?.text ?? tx?.first("pt")?.child("v")?.text,
                        nameReference: tx?.first("f")?.text,
                        categoriesReference: ser.child("cat")?.first("f")?.text,
                        valuesReference: ser.child("val")?.first("f")?.text,
                        cachedValues: ser.child("val")?.descendants("pt").compactMap { $0.child("v")?.text } ?? []))
            }
        }
        let titleText = tree.child("chart")?.child("title").map { $0.descendants("t").map(\.text).joined() }
        let valueAxes = plotArea?.children("valAx") ?? []
        return ReadChart(
            part: part, types: plots.map(\.name),
            barDirection: plots.first { $0.name == "barChart" }?.child("barDir")?.attribute("val"),
            grouping: plots.first?.child("grouping")?.attribute("val"),
            title: titleText.flatMap { $0.isEmpty ? nil : $0 },
            series: series, valueAxisCount: valueAxes.count,
            valueAxisNumberFormats: valueAxes.compactMap { $0.child("numFmt")?.attribute("formatCode") },
            categoryAxisRotation: plotArea?.child("catAx")?.child("txPr")?.child("bodyPr")?.attribute("rot").flatMap(Int.init),
            categoryLabelInterval: plotArea?.child("catAx")?.child("tickLblSkip")?.attribute("val").flatMap(Int.init))
    }
}

/// The zip entries of one .xlsx, read on demand.
struct Package {
    let archive: Archive
    let name: String

    func data(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw WorkbookReaderError(part: "\(name):\(path)", message: "cannot extract (\(error))")
        }
        return data
    }

    func optionalTree(_ path: String) throws -> XMLTree? {
        try data(path).map { try XMLTree.parse($0, part: "\(name):\(path)") }
    }

    func tree(_ path: String) throws -> XMLTree {
        guard let tree = try optionalTree(path) else {
            throw WorkbookReaderError(part: "\(name):\(path)", message: "entry missing")
        }
        return tree
    }

    /// Relationship id -> target part path (resolved against `part`'s folder) from `_rels/<file>.rels`.
    func relationships(of part: String) throws -> [String: String] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let tree = try optionalTree(relsPath) else { return [:] }
        var map: [String: String] = [:]
        for rel in tree.children("Relationship") {
            guard let id = rel.attribute("Id"), let target = rel.attribute("Target"),
                rel.attribute("TargetMode") != "External"
            else { continue }
            map[id] = Self.resolve(target, from: folder)
        }
        return map
    }

    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/").map(String.init) {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }
}
