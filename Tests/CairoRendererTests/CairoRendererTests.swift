import Testing
import Charts
import CairoRenderer

@Suite struct CairoRendererTests {
    let chart = LineChart(title: "Loss", xLabel: "batch", yLabel: "loss",
                          series: [.init(label: "a", values: (0..<200).map { 2.3 / Double($0 + 1) }),
                                   .init(label: "b", values: (0..<200).map { _ in 2.3 })])

    @Test func pngHasTheSignatureAndRequestedPixelSize() throws {
        let png = try CairoRenderer.png(chart, size: Size(400, 250), scale: 2)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try CairoRenderer.inspectPNG(png)
        #expect(image.width == 800 && image.height == 500)
        #expect(image.distinctColors > 50)  // anti-aliased lines and text, not a blank canvas
    }

    @Test func blankCanvasHasOneColour() throws {
        let canvas = try CairoRenderer(size: Size(50, 40))
        let image = try CairoRenderer.inspectPNG(try canvas.pngBytes())
        #expect(image.width == 50 && image.height == 40 && image.distinctColors == 1)
    }

    @Test func canvasPixelsComeOutAsTheLosslessPNGDecodes() throws {
        let canvas = try CairoRenderer(size: Size(200, 120))
        chart.draw(in: canvas, size: Size(200, 120))
        let pixels = canvas.image()
        #expect(pixels.width == 200 && pixels.height == 120)
        #expect(pixels.pixels.allSatisfy { $0 <= 0xFF_FFFF })  // RGB24's unused top byte dropped
        #expect(pixels[0, 0] == 0xFF_FFFF)  // the white background
        #expect(try CairoRenderer.decodePNG(try canvas.pngBytes(encoding: .cairo)) == pixels)
    }

    @Test func textIsMeasuredWithTheRealFont() throws {
        let canvas = try CairoRenderer(size: Size(100, 100))
        let style = TextStyle(size: 12)
        let short = canvas.measure("loss", style: style).width
        let long = canvas.measure("loss, whole run", style: style).width
        #expect(short > 10 && long > 2.5 * short)
    }

    @Test func badSizesAndBadBytesAreTypedErrors() {
        #expect(throws: RenderError.badSize(width: 0, height: 10)) { try CairoRenderer(size: Size(0, 10)) }
        #expect(throws: RenderError.self) { try CairoRenderer.inspectPNG([1, 2, 3]) }
    }
}
