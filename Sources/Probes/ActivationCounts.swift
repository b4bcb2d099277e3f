import Tensor

/// The two counts a probe takes over every activation of the probe batch (128 × 256 values
/// for the first hidden layer, at every probe): values near zero, and units never active.
/// Eight lanes at a time: the scalar loops branched on every value, and ReLU outputs,
/// half of them exact zeros, made that branch a coin toss. Each lane applies the scalar
/// rule, so the counts are the scalar loops' (`ActivationCountsTests` compares them).
enum ActivationCounts {
    /// How many values have |x| < `bound` (NaN never does).
    static func nearZero(_ values: [Float], below bound: Float) -> Int {
        values.withUnsafeBufferPointer { v in
            guard let raw = UnsafeRawPointer(v.baseAddress) else { return 0 }
            let blocks = v.count / 8
            var lanes = SIMD8<Int32>()
            for b in 0..<blocks {
                let x = raw.loadUnaligned(fromByteOffset: b * 32, as: SIMD8<Float>.self)
                lanes &-= SIMD8<Int32>(repeating: 0).replacing(with: -1, where: (x .< bound) .& (x .> -bound))
            }
            var count = Int(lanes.wrappedSum())
            for i in (blocks * 8)..<v.count where abs(v[i]) < bound { count += 1 }
            return count
        }
    }

    /// How many columns of `a` (units; rows are examples) hold no value > 0.
    static func neverPositiveColumns(_ a: Matrix) -> Int {
        let rows = a.rows, cols = a.cols
        guard cols > 0 else { return 0 }
        let blocks = cols / 8
        var activeBlocks = [SIMD8<Int32>](repeating: SIMD8(), count: blocks)
        var activeTail = [Bool](repeating: false, count: cols - blocks * 8)
        a.storage.withUnsafeBufferPointer { v in
            guard let raw = UnsafeRawPointer(v.baseAddress) else { return }  // no rows: no unit fires
            activeBlocks.withUnsafeMutableBufferPointer { active in
                for r in 0..<rows {
                    let row = r * cols
                    for b in 0..<blocks {
                        let x = raw.loadUnaligned(fromByteOffset: (row + b * 8) * 4, as: SIMD8<Float>.self)
                        active[b] = active[b].replacing(with: 1, where: x .> 0)
                    }
                    for c in (blocks * 8)..<cols where v[row + c] > 0 { activeTail[c - blocks * 8] = true }
                }
            }
        }
        let active = activeBlocks.reduce(0) { $0 + Int($1.wrappedSum()) } + activeTail.filter { $0 }.count
        return cols - active
    }
}
