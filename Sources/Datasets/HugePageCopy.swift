#if canImport(Glibc)
import Glibc
#endif

/// Copies bytes into a fresh array whose pages the kernel is asked to back with 2 MB
/// transparent huge pages (`madvise(MADV_HUGEPAGE)` before the first write).
///
/// Training gathers 128 random rows of Fashion-MNIST's 47 MB of pixels per step: with 4 kB
/// pages nearly every row is a TLB miss, and the page walks, not the copying, were most of
/// the gather's time. Where the kernel has transparent huge pages off (or on another OS)
/// the advice is ignored and this is a plain copy.
enum HugePageCopy {
    static let hugePage = 2 << 20

    static func copy(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            guard let base = buffer.baseAddress, bytes.count >= 2 * hugePage else {
                _ = buffer.initialize(from: bytes)
                initialized = bytes.count
                return
            }
            #if canImport(Glibc)
            // Only whole huge pages inside the buffer: madvise wants a page-aligned start.
            let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
            let end = (Int(bitPattern: base) + bytes.count) & ~(hugePage - 1)
            if end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) {
                _ = madvise(aligned, end - start, MADV_HUGEPAGE)
            }
            #endif
            _ = buffer.initialize(from: bytes)
            initialized = bytes.count
        }
    }
}
