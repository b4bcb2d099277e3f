// libFuzzer driver for FuzzTarget.gzip (`make fuzz`).
import CLibFuzzer
import Foundation
import FuzzEntryPoints

/// Called by libFuzzer once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.gzip.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

// SwiftPM links an executable's top-level code as main() (renamed for testable executables),
// so libFuzzer's own main() cannot take its place: hand the command line to libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzGzip))
