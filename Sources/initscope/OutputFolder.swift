import Foundation

/// Checks before training that results can be written, so a long run never ends in
/// "cannot write". Nothing is created here: the folder appears only when its files are
/// written (`StagedWrite`), so a run refused for bad input leaves no empty folder behind.
enum OutputFolder {
    /// One line saying why `folder` cannot receive output, or nil when it can: it must be a
    /// writable folder, or not exist yet below a writable folder.
    static func problem(_ folder: URL) -> String? {
        let manager = FileManager.default
        var existing = folder.standardizedFileURL
        while !manager.fileExists(atPath: existing.path), existing.path != "/" {
            existing = existing.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        _ = manager.fileExists(atPath: existing.path, isDirectory: &isDirectory)
        guard isDirectory.boolValue else {
            if existing.path == folder.standardizedFileURL.path {
                return "--output '\(folder.path)' is a file, not a folder. Pass --output DIR with a folder path."
            }
            return "--output '\(folder.path)' cannot be created: '\(existing.path)' is a file, not a folder. "
                + "Pass --output DIR with a folder path."
        }
        // access(2) also reports a read-only file system, which stops root too.
        guard access(existing.path, W_OK | X_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            if existing.path == folder.standardizedFileURL.path {
                return "Output folder '\(folder.path)' is not writable (\(reason)). Pass --output DIR with a writable folder."
            }
            return "--output '\(folder.path)' cannot be created: '\(existing.path)' is not writable (\(reason)). "
                + "Pass --output DIR with a writable folder."
        }
        return nil
    }
}
