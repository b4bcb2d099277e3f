import Testing
import Charts
@testable import CairoRenderer

/// The run-length census with its own hash table gives what the plain `Dictionary` census
/// gives — the same colours in the same first-seen order, the same counts, the same colour
/// for every pixel — on drawn charts and on pictures built to stress it.
@Suite struct ColorCensusTests {
    /// `count` pixels of pseudo-random colours from a `palette`-sized set (SplitMix64).
    static func noise(width: Int, height: Int, palette: Int, seed: UInt64) -> RGBImage {
        var samples = ChartFixtures.Samples(state: seed)
        let colors = (0..<palette).map { _ in UInt32(samples.uniform() * 16_777_216) }
        return RGBImage(width: width, height: height,
                        pixels: (0..<width * height).map { _ in colors[Int(samples.uniform() * Double(palette))] })
    }

    static let pictures: [(name: String, image: RGBImage)] = [
        ("one pixel", RGBImage(width: 1, height: 1, pixels: [0x123456])),
        ("one colour", RGBImage(width: 40, height: 3, pixels: Array(repeating: 0xFF_FFFF, count: 120))),
        ("black and the largest colour", RGBImage(width: 2, height: 2, pixels: [0, 0xFF_FFFF, 0xFF_FFFF, 0])),
        ("stripes of 200 colours", PalettePNGTests.stripes(colors: 200, width: 61, height: 17)),
        ("noise of 5 colours", noise(width: 97, height: 31, palette: 5, seed: 7)),
        ("noise of 20 000 colours", noise(width: 300, height: 200, palette: 20_000, seed: 11)),
    ]

    func expectSameAsReference(_ image: RGBImage, _ name: String) {
        let fast = ColorCensus(image), plain = ColorCensus.reference(image)
        #expect(fast.colors == plain.colors, "\(name): colours")
        #expect(fast.counts == plain.counts, "\(name): counts")
        #expect(fast.ids == plain.ids, "\(name): pixel colours")
        #expect(fast.runEnds.last == image.pixels.count && fast.runEnds.count == fast.runIDs.count, "\(name): runs")
    }

    @Test(arguments: pictures.indices)
    func builtPictureMatchesTheDictionaryCensus(_ index: Int) {
        expectSameAsReference(Self.pictures[index].image, Self.pictures[index].name)
    }

    @Test(arguments: PalettePNGTests.charts.indices)
    func drawnChartMatchesTheDictionaryCensus(_ index: Int) throws {
        let (pixels, _, _) = try PalettePNGTests.render(index)
        expectSameAsReference(pixels, PalettePNGTests.charts[index].name)
    }

    @Test func numbersFollowTheOrderColoursAreFirstAskedForAcrossGrowth() {
        var numbering = ColorNumbering()
        let colors = (0..<5000).map { UInt32($0 &* 2_654_435_761 & 0xFF_FFFF) }
        #expect(colors.map { numbering.number(of: $0) } == colors.indices.map(Int32.init))
        #expect(colors.reversed().map { numbering.number(of: $0) } == colors.indices.reversed().map(Int32.init))
        #expect(numbering.colors == colors)
    }
}
