import Foundation
import Testing
import Charts
import CairoRenderer

/// The histogram grid, heatmap and band chart through Cairo: right pixel size and real
/// content. With CHARTS_PREVIEW_DIR set, each PNG is also written there to look at.
@Suite struct StatisticalChartsPNGTests {
    static let previews: [(name: String, chart: any Chart, size: Size)] = [
        ("histogram-grid-he", ChartFixtures.heGrid(), Size(900, 400)),
        ("histogram-grid-zero", ChartFixtures.zeroGrid(), Size(900, 400)),
        ("histogram-grid-huge", ChartFixtures.hugeGrid(), Size(900, 400)),
        ("heatmap-he", ChartFixtures.heatmap(exploding: false, log: false), Size(900, 320)),
        ("heatmap-huge-log", ChartFixtures.heatmap(exploding: true, log: true), Size(900, 320)),
        ("bands-linear", ChartFixtures.bandChart(log: false), Size(900, 360)),
        ("bands-log", ChartFixtures.bandChart(log: true), Size(900, 360)),
    ]

    @Test(arguments: previews.indices)
    func rendersAtTheRequestedSizeWithManyColours(_ index: Int) throws {
        let (name, chart, size) = Self.previews[index]
        let png = try CairoRenderer.png(chart, size: size, scale: 1)
        let image = try CairoRenderer.inspectPNG(png)
        #expect(image.width == Int(size.width) && image.height == Int(size.height))
        #expect(image.distinctColors > 100)
        if let directory = ProcessInfo.processInfo.environment["CHARTS_PREVIEW_DIR"] {
            try Data(png).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name + ".png"))
        }
    }
}
