import Testing
import Charts
@testable import CairoRenderer

/// Long polylines are stroked with Cairo's FAST anti-aliasing (coarser edge shades, a third
/// of the time); everything else keeps BEST, including what is drawn after a long stroke.
@Suite struct LongStrokeAntialiasTests {
    static func zigzagPoints(_ count: Int, y: Double) -> [Point] {
        (0..<count).map { i -> Point in
            let x: Double = 10 + Double(i) * 300 / Double(count)
            let swing: Double = i % 2 == 0 ? 7.3 : -6.1
            return Point(x, y + swing + Double(i % 5) * 0.37)
        }
    }

    static func polyline(_ points: some Collection<Point>) -> Path {
        var path = Path()
        for (i, p) in points.enumerated() {
            if i == 0 { path.move(to: p) } else { path.line(to: p) }
        }
        return path
    }

    static func zigzag(points: Int, y: Double) -> Path { polyline(zigzagPoints(points, y: y)) }

    static func shades(_ image: RGBImage) -> Int { Set(image.pixels).count }

    @Test func aLongPolylineIsTheSameLineWithFewerEdgeShades() throws {
        let style = StrokeStyle(color: Color(hex: 0xD55E00), width: 1.6)
        let long = Self.zigzag(points: CairoRenderer.fastAntialiasElements + 36, y: 40)
        let fast = try CairoRenderer(size: Size(330, 80), scale: 1.25)
        fast.stroke(long, style: style)
        let best = try CairoRenderer(size: Size(330, 80), scale: 1.25)
        best.fastStrokeElements = .max
        best.stroke(long, style: style)
        let a = fast.image(), b = best.image()
        #expect(a != b)
        #expect(Self.shades(a) < Self.shades(b) && Self.shades(a) > 3)  // coarser, still anti-aliased
        // The same line: each pixel's coverage (read from the green channel, white 0xFF to
        // the line's 0x5E) moves by a fraction only, and the ink adds up to about the same area.
        func coverage(_ pixel: UInt32) -> Double { Double(0xFF - Int((pixel >> 8) & 0xFF)) / Double(0xFF - 0x5E) }
        let moves = zip(a.pixels, b.pixels).map { abs(coverage($0) - coverage($1)) }
        let area = (a.pixels.reduce(0) { $0 + coverage($1) }, b.pixels.reduce(0) { $0 + coverage($1) })
        // Measured on this sawtooth, harsher than any loss curve (it doubles back every 3
        // pixels): 0.40 and 8% less ink at FAST. The real loss charts look the same enlarged.
        #expect(moves.max()! <= 0.5)
        #expect(abs(area.0 - area.1) < 0.15 * area.1, "ink \(area.0) against \(area.1)")
        // A short polyline is drawn at BEST whatever the setting.
        let short = Self.zigzag(points: CairoRenderer.fastAntialiasElements - 2, y: 40)
        let s1 = try CairoRenderer(size: Size(330, 80), scale: 1.25), s2 = try CairoRenderer(size: Size(330, 80), scale: 1.25)
        s1.stroke(short, style: style)
        s2.fastStrokeElements = .max
        s2.stroke(short, style: style)
        #expect(s1.image() == s2.image())
    }

    @Test func drawingAfterALongStrokeIsBackAtBest() throws {
        let triangle: Path = {
            var p = Path()
            p.move(to: Point(40, 20)); p.line(to: Point(300, 33)); p.line(to: Point(120, 75)); p.close()
            return p
        }()
        let after = try CairoRenderer(size: Size(330, 100), scale: 1.25)
        after.stroke(Self.zigzag(points: 200, y: 90), style: StrokeStyle(color: .ink, width: 1))
        after.fill(triangle, color: Color(hex: 0x0072B2))
        let alone = try CairoRenderer(size: Size(330, 100), scale: 1.25)
        alone.fill(triangle, color: Color(hex: 0x0072B2))
        // Rows the zigzag never reaches (it spans y ≈ 83…97): the triangle alone, pixel for pixel.
        let rows = Int(80 * 1.25)
        let a = after.image(), b = alone.image()
        #expect(Array(a.pixels.prefix(rows * a.width)) == Array(b.pixels.prefix(rows * b.width)))
    }
}
