/// Fast "is every value finite?" over Float buffers, for the trainer's per-step check.
///
/// A Float is NaN or ±Inf exactly when its eight exponent bits are all ones. The check
/// takes the largest masked exponent over sixteen lanes at a time (integer and/max, no
/// floating-point compare, no early exit to mispredict) and tests it once at the end:
/// about one load and two integer operations per sixteen values.
public enum Finiteness {
    private static let exponentMask: UInt32 = 0x7F80_0000

    /// True when no value is NaN or ±Inf (also for an empty array).
    public static func allFinite(_ values: [Float]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count, wide = count - count % 16
            let mask = SIMD16<UInt32>(repeating: exponentMask)
            var highest = SIMD16<UInt32>(repeating: 0)
            var i = 0
            while i < wide {
                let bits = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD16<UInt32>.self)
                highest = pointwiseMax(highest, bits & mask)
                i += 16
            }
            var finite = highest.max() != exponentMask
            while i < count {
                finite = finite && buffer[i].isFinite
                i += 1
            }
            return finite
        }
    }
}
