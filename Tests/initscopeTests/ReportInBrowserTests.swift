import Testing
import Foundation
import TestSupport

/// The report as a teammate sees it: the fixture run's Output/fixture-run/report.html opened
/// in headless Chromium with the network cut off. The screenshot stays in
/// Output/fixture-run/ for a person to look at.
@Suite(.serialized, .enabled(if: Chromium.executable != nil, "chromium not installed; make test installs it"))
struct ReportInBrowserTests {
    static let folder = FixturePaths.root.deletingLastPathComponent().appendingPathComponent("Output/fixture-run")

    @Test func fixtureReportOpensOfflineWithoutAnyOutsideRequest() throws {
        let outcome = try CommandLineTool.run([
            "run", "--data", FixtureData.subsetFolder.path, "--epochs", "1", "--output", Self.folder.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let page = Self.folder.appendingPathComponent("report.html")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int)
        #expect(size < 4 << 20)

        let visit = try Chromium.visit(page, screenshot: Self.folder.appendingPathComponent("screenshot.png"))
        #expect(visit.status == 0)
        #expect(visit.outsideRequests.isEmpty, "requests outside the file: \(visit.outsideRequests)")
        let shot = try #require(try Chromium.pngSize(visit.screenshot))
        #expect(shot.width == 1280 && shot.height == 2400)
    }

    @Test func theCheckCatchesAPageThatReachesOut() throws {
        // Control: the same check must fail for a page that loads an image from the network.
        let folder = try FixturePaths.temporaryDirectory()
        let page = folder.appendingPathComponent("leaky.html")
        try Data(#"<html><body><img src="http://example.invalid/pixel.png"></body></html>"#.utf8).write(to: page)
        let visit = try Chromium.visit(page, screenshot: folder.appendingPathComponent("shot.png"), windowHeight: 300)
        #expect(visit.outsideRequests.contains("http://example.invalid/pixel.png"))
    }
}
