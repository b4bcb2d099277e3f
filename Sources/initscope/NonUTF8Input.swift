import Foundation

/// initscope handles paths as Swift strings, which are UTF-8: an argument or working folder
/// whose bytes are not UTF-8 is decoded with U+FFFD in place of the bad bytes, so it names a
/// *different* path — "no such folder" for a folder that exists, or, for a relative --output
/// in such a working folder, a new folder written beside the intended one. Both are refused
/// before anything runs, with one line that says what to rename.
enum NonUTF8Input {
    /// One line naming the first argument (or the working folder) that is not UTF-8, or nil.
    static func problem() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            let shown = String(decoding: bytes(of: raw), as: UTF8.self)
            let flag = index > 1 ? CommandLine.arguments[index - 1] : ""
            let which = flag.hasPrefix("--") && !flag.contains("=") ? "the value of \(flag)" : "argument \(index)"
            return "\(which) '\(shown)' is not valid UTF-8 (shown with \u{FFFD} for the bad bytes); initscope reads "
                + "paths as UTF-8. Rename the file or folder, or reach it through a symlink with a UTF-8 name (ln -s)."
        }
        if let folder = workingFolderBytes(), String(validating: folder, as: UTF8.self) == nil {
            let shown = String(decoding: folder, as: UTF8.self)
            return "the working folder '\(shown)' is not valid UTF-8 (shown with \u{FFFD} for the bad bytes), so relative "
                + "paths such as the default --output would resolve elsewhere. Run initscope from a folder with a UTF-8 path."
        }
        return nil
    }

    private static func bytes(of cString: UnsafePointer<CChar>) -> [UInt8] {
        (0..<strlen(cString)).map { UInt8(bitPattern: cString[$0]) }
    }

    /// The raw bytes of getcwd(3), or nil when it fails.
    private static func workingFolderBytes() -> [UInt8]? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let ok = buffer.withUnsafeMutableBufferPointer { getcwd($0.baseAddress, $0.count) != nil }
        guard ok else { return nil }
        return buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    }
}
