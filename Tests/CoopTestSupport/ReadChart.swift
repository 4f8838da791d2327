/// A chart part (xl/charts/chartN.xml) as read back.
/// Invariant: `series` are in document order across all plot types of the chart.
public struct ReadChart: Equatable, Sendable {
    /// One series.
    public struct Series: Equatable, Sendable {
        /// The plot element holding it, e.g. "barChart", "lineChart".
        public let chartType: String
        /// Literal name (`c:tx/c:v`) or cached name of a name reference.
        public let name: String?
        /// `c:tx//c:f`, when the name is a reference.
        public let nameReference: String?
        /// `c:cat//c:f`, e.g. "'Sheet 1'!$A$2:$A$13".
        public let categoriesReference: String?
        /// `c:val//c:f`.
        public let valuesReference: String?
        /// Cached values (`c:val//c:pt/c:v`).
        public let cachedValues: [String]
    }

    public let part: String
    /// Plot types in the plot area, e.g. ["barChart", "lineChart"].
    public let types: [String]
    /// `c:barDir` of bar charts: "col" or "bar".
    public let barDirection: String?
    /// `c:grouping`, e.g. "clustered", "stacked".
    public let grouping: String?
    public let title: String?
    public let series: [Series]
    /// Number of value axes (`c:valAx`); 2 means a secondary axis.
    public let valueAxisCount: Int
    /// `formatCode` of the value axes' `c:numFmt`, in order.
    public let valueAxisNumberFormats: [String]
    /// `rot` of the category axis labels (`c:catAx/c:txPr/a:bodyPr`), in 60,000ths of a degree.
    public let categoryAxisRotation: Int?
    /// `c:catAx/c:tickLblSkip`: one label shown in this many.
    public let categoryLabelInterval: Int?
}
