import Foundation

/// Headless Chromium as a reader's browser: screenshot a page with the network cut off and
/// list every request the *page* made (Chromium's own background traffic is ignored).
public enum Chromium {
    public static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public struct Visit: Sendable {
        public let status: Int32
        /// URLs requested on behalf of the page, other than file: and data:.
        public let outsideRequests: [String]
        public let screenshot: URL
    }

    /// Opens `page` (a local file), saves a screenshot, and reads the net log.
    public static func visit(_ page: URL, screenshot: URL, windowHeight: Int = 2400) throws -> Visit {
        guard let executable else { throw NotInstalled() }
        let work = try FixturePaths.temporaryDirectory("chromium")
        let netLog = work.appendingPathComponent("netlog.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(work.appendingPathComponent("profile").path)",
            // Network cut off: no DNS, and every connection goes to a dead local proxy.
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
            "--log-net-log=\(netLog.path)",
            "--screenshot=\(screenshot.path)", "--window-size=1280,\(windowHeight)",
            page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Visit(status: process.terminationStatus, outsideRequests: try pageRequests(in: netLog), screenshot: screenshot)
    }

    /// URL_REQUEST_START_JOB events whose initiator is a page (not "not an origin", which
    /// marks the browser's own update/sync traffic) and whose URL leaves the file.
    static func pageRequests(in netLog: URL) throws -> [String] {
        var text = try String(contentsOf: netLog, encoding: .utf8)
        if !text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("}") {  // cut short at exit
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasSuffix(",") { text.removeLast() }
            text += "]}"
        }
        guard let log = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let constants = log["constants"] as? [String: Any],
              let types = constants["logEventTypes"] as? [String: Int],
              let startJob = types["URL_REQUEST_START_JOB"],
              let events = log["events"] as? [[String: Any]] else { return ["<unreadable net log>"] }
        return events.compactMap { event in
            guard event["type"] as? Int == startJob, let params = event["params"] as? [String: Any],
                  let url = params["url"] as? String else { return nil }
            if (params["initiator"] as? String) == "not an origin" { return nil }
            return url.hasPrefix("file:") || url.hasPrefix("data:") ? nil : url
        }
    }

    /// Width and height from a PNG's IHDR chunk.
    public static func pngSize(_ file: URL) throws -> (width: Int, height: Int)? {
        let bytes = [UInt8](try Data(contentsOf: file))
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    public struct NotInstalled: Error, CustomStringConvertible {
        public var description: String { "chromium is not installed (make test installs it)." }
    }
}
