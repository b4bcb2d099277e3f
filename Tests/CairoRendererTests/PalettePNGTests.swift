import Testing
import Charts
import CairoRenderer

/// The indexed-colour encoder: valid files that Cairo's (libpng's) reader decodes to the
/// pixels we meant — exactly when the picture has at most 256 colours, within the
/// quantizer's tolerance for drawn charts — the same bytes every time, and smaller than Cairo's.
@Suite struct PalettePNGTests {
    static let charts: [(name: String, chart: any Chart, size: Size, scale: Double)] = [
        ("line chart", lossChart(), Size(440, 250), 2),
        ("histogram grid", ChartFixtures.heGrid(), Size(900, 400), 1),
        ("heat map", ChartFixtures.heatmap(exploding: false, log: false), Size(900, 320), 1),
    ]

    /// Six noisy decaying losses in the palette's colours, at 2× like the report's main charts.
    static func lossChart() -> LineChart {
        let series = (0..<6).map { (run: Int) -> LineChart.Series in
            let values = (0..<300).map { (step: Int) -> Double in
                let noise = Double((step * (run + 3)) % 17) / 170
                return 2.3 / Double(step + 1 + 20 * run) + noise
            }
            return LineChart.Series(label: "run \(run)", values: values)
        }
        return LineChart(title: "Loss", xLabel: "batch", yLabel: "loss", series: series)
    }

    /// The chart drawn once: its surface pixels and the PNG of each encoder.
    static func render(_ index: Int) throws -> (pixels: RGBImage, palette: [UInt8], cairo: [UInt8]) {
        let (_, chart, size, scale) = charts[index]
        let canvas = try CairoRenderer(size: size, scale: scale)
        chart.draw(in: canvas, size: size)
        return (canvas.image(), try canvas.pngBytes(), try canvas.pngBytes(encoding: .cairo))
    }

    /// A `width × height` picture cycling through `colors` distinct colours in diagonal stripes.
    static func stripes(colors: Int, width: Int = 13, height: Int = 7) -> RGBImage {
        let palette = (0..<colors).map { UInt32($0 * 0x010305 + 0x203040) & 0xFF_FFFF }
        return RGBImage(width: width, height: height, pixels: (0..<width * height).map { palette[($0 % width + $0 / width) % colors] })
    }

    @Test func threeColourImageRoundTripsExactly() throws {
        let white: UInt32 = 0xFF_FFFF, blue: UInt32 = 0x00_72B2, orange: UInt32 = 0xE6_9F00
        let image = RGBImage(width: 5, height: 3, pixels: [white, white, blue, orange, white,
                                                           blue, orange, white, white, blue,
                                                           orange, orange, orange, white, blue])
        let png = PalettePNG.encode(image)
        #expect(try CairoRenderer.decodePNG(png) == image)
        let header = try #require(try PNGChunks(png).header)
        #expect(header.colorType == 3 && header.bitDepth == 2)
    }

    @Test(arguments: [(1, 1), (2, 1), (3, 2), (4, 2), (5, 4), (16, 4), (17, 8), (200, 8), (256, 8)])
    func upTo256ColoursAreExactAtTheSmallestBitDepth(_ colors: Int, _ bitDepth: Int) throws {
        for width in [1, 7, 13, 64] {
            let image = Self.stripes(colors: colors, width: width, height: 300 / width + 2)
            let png = PalettePNG.encode(image)
            #expect(try CairoRenderer.decodePNG(png) == image, "\(colors) colours, width \(width)")
            #expect(try PNGChunks(png).header?.bitDepth == bitDepth)
        }
    }

    @Test(arguments: charts.indices)
    func chartDecodesToTheSizeAndNearlyThePixelsDrawn(_ index: Int) throws {
        let (pixels, png, _) = try Self.render(index)
        let decoded = try CairoRenderer.decodePNG(png)
        #expect(decoded.width == pixels.width && decoded.height == pixels.height)
        // What the decoder shows is exactly the quantizer's picture...
        #expect(decoded == ColorQuantizer.quantize(pixels).expanded())
        // ...which is close to the surface: anti-aliasing shades move a little, nothing else.
        var maxError = 0, totalError = 0
        for (a, b) in zip(pixels.pixels, decoded.pixels) {
            for shift in [16, 8, 0] as [UInt32] {
                let error = abs(Int(a >> shift & 0xFF) - Int(b >> shift & 0xFF))
                maxError = max(maxError, error)
                totalError += error
            }
        }
        let meanError = Double(totalError) / Double(3 * pixels.pixels.count)
        #expect(maxError <= 48 && meanError < 0.5, "\(Self.charts[index].name): max \(maxError), mean \(meanError)")
        // Colours that cover a real area (background, grid, text, series, cells) stay exact.
        var counts: [UInt32: Int] = [:]
        for color in pixels.pixels { counts[color, default: 0] += 1 }
        let frequent = Set(counts.filter { $0.value * 1000 >= pixels.pixels.count }.keys)
        for (a, b) in zip(pixels.pixels, decoded.pixels) where frequent.contains(a) {
            #expect(a == b)
            if a != b { break }
        }
    }

    @Test(arguments: charts.indices)
    func chunksAndTheirCRCsAreValid(_ index: Int) throws {
        let (pixels, png, _) = try Self.render(index)
        let file = try PNGChunks(png)
        let types = file.chunks.map(\.type)
        #expect(types.first == "IHDR" && types.dropFirst().first == "PLTE" && types.last == "IEND")
        #expect(types.dropFirst(2).dropLast().allSatisfy { $0 == "IDAT" } && types.count >= 4)
        for chunk in file.chunks {
            #expect(chunk.storedCRC == chunk.computedCRC, "\(chunk.type) CRC")
        }
        let header = try #require(file.header)
        #expect(header.width == pixels.width && header.height == pixels.height)
        #expect(header.colorType == 3 && header.bitDepth == 8)
        #expect(header.compression == 0 && header.filter == 0 && header.interlace == 0)
        let palette = file.chunks[1].data
        #expect(palette.count % 3 == 0 && (1...256).contains(palette.count / 3))
        #expect(file.chunks.last?.data.isEmpty == true)
    }

    @Test(arguments: charts.indices)
    func sameChartGivesTheSameBytes(_ index: Int) throws {
        let first = try Self.render(index), second = try Self.render(index)
        #expect(first.pixels == second.pixels)
        #expect(first.palette == second.palette)
        #expect(PalettePNG.encode(first.pixels) == first.palette)
    }

    /// Any zlib level gives the same picture; only the bytes and their count differ.
    @Test(arguments: charts.indices)
    func everyZlibLevelDecodesToTheSamePixels(_ index: Int) throws {
        let (pixels, png, _) = try Self.render(index)
        let quantized = ColorQuantizer.quantize(pixels)
        #expect(try CairoRenderer.decodePNG(png) == quantized.expanded())
        for level: Int32 in 1...9 {
            #expect(try CairoRenderer.decodePNG(PalettePNG.encode(quantized, level: level)) == quantized.expanded(), "level \(level)")
        }
    }

    @Test(arguments: charts.indices)
    func paletteFileIsSmallerThanCairos(_ index: Int) throws {
        let (_, palette, cairo) = try Self.render(index)
        #expect(palette.count < cairo.count, "\(Self.charts[index].name): \(palette.count) vs \(cairo.count) bytes")
    }
}
