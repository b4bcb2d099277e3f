import Testing
import Charts

@Suite struct ColormapTests {
    @Test func viridisEndsAtItsDocumentedColours() {
        #expect(Colormap.viridis.color(at: 0).hexString == "#440154")
        #expect(Colormap.viridis.color(at: 1).hexString == "#FDE725")
        #expect(Colormap.viridis.color(at: -3).hexString == "#440154")  // clamped
        #expect(Colormap.viridis.color(at: .nan).hexString == "#440154")
    }

    @Test func viridisLuminanceRisesMonotonically() {
        let luminance = (0...512).map { Colormap.luminance(Colormap.viridis.color(at: Double($0) / 512)) }
        #expect(zip(luminance, luminance.dropFirst()).allSatisfy { $0 < $1 })
        #expect((luminance.first ?? 1) < 0.05 && (luminance.last ?? 0) > 0.7)
    }

    @Test func interpolatesLinearlyBetweenAnchors() {
        let map = Colormap(anchors: [.black, .white])
        #expect(map.color(at: 0.25) == Color(red: 0.25, green: 0.25, blue: 0.25))
    }
}
