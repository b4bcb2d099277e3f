/// Puts chosen order statistics of a Float array in place without sorting all of it with
/// comparisons: after `place(ranks:in:)`, `values[r]` is the value a full ascending sort would
/// put at index `r`, for every requested `r` (the other positions hold the rest of the
/// values). Percentiles need 7–14 ranks of a 2048-value sample, twelve times per probe.
///
/// Below `radixThreshold` values, a quickselect that only descends into the parts holding a
/// requested rank. From it on, a least-significant-digit radix sort of the Floats' bits
/// (three passes of 11, 11 and 10 bits, no comparisons): the quickselect's three-way
/// partition branched on every value against a random pivot, and at 2048 values it cost
/// ≈ 26 ns per value against the radix sort's 15. Both give the values of a full sort; they
/// may differ only in where −0 and +0 land among equal zeros.
public enum OrderStatistics {
    /// From this many values on, `place` radix-sorts.
    static let radixThreshold = 256

    /// `ranks` must lie in `0..<values.count`; duplicates and any order are fine. The values
    /// must not be NaN (percentiles pass finite values only).
    public static func place(ranks: [Int], in values: inout [Float]) {
        let wanted = Array(Set(ranks)).sorted()
        precondition(wanted.allSatisfy { values.indices.contains($0) }, "OrderStatistics: ranks \(wanted) outside 0..<\(values.count)")
        guard !wanted.isEmpty else { return }
        if values.count >= radixThreshold {
            radixSort(&values)
        } else {
            values.withUnsafeMutableBufferPointer { select($0, 0, $0.count, wanted[...]) }
        }
    }

    /// Sorts ascending by each Float's bits mapped to an unsigned key that orders like the
    /// values (−0 just before +0): negative values' bits inverted, positive values' sign set.
    /// Three passes over 11, 11 and 10 bits of the key; a pass whose digit every key shares
    /// moves nothing and is skipped.
    static func radixSort(_ values: inout [Float]) {
        let n = values.count
        guard n > 1 else { return }
        var keys = [UInt32](unsafeUninitializedCapacity: n) { keys, initialized in
            values.withUnsafeBufferPointer { v in
                for i in 0..<n {
                    let bits = v[i].bitPattern
                    keys[i] = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
                }
            }
            initialized = n
        }
        var spare = [UInt32](repeating: 0, count: n)
        // Digit d of a key: 11 bits from bit 11·d (10 for the last); its counts at 2048·d.
        var counts = [Int32](repeating: 0, count: 5120)
        keys.withUnsafeMutableBufferPointer { keys in
            spare.withUnsafeMutableBufferPointer { spare in
                counts.withUnsafeMutableBufferPointer { counts in
                    for key in keys {
                        counts[Int(key & 0x7FF)] &+= 1
                        counts[2048 + Int((key &>> 11) & 0x7FF)] &+= 1
                        counts[4096 + Int(key &>> 22)] &+= 1
                    }
                    var from = keys, to = spare
                    for pass in 0..<3 {
                        let base = 2048 * pass, shift = UInt32(11 * pass), size = pass < 2 ? 2048 : 1024
                        let mask = UInt32(size - 1)
                        if counts[base + Int((from[0] &>> shift) & mask)] == n { continue }
                        var start: Int32 = 0
                        for digit in base..<(base + size) {
                            let count = counts[digit]
                            counts[digit] = start
                            start &+= count
                        }
                        for key in from {
                            let digit = base + Int((key &>> shift) & mask)
                            to[Int(counts[digit])] = key
                            counts[digit] &+= 1
                        }
                        swap(&from, &to)
                    }
                    // The sorted keys are in whichever buffer the last pass wrote: back to Floats.
                    values.withUnsafeMutableBufferPointer { v in
                        for i in 0..<n {
                            let key = from[i]
                            v[i] = Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
                        }
                    }
                }
            }
        }
    }

    /// Places the `ranks` (sorted, all within lo..<hi) of v[lo..<hi].
    private static func select(_ v: UnsafeMutableBufferPointer<Float>, _ lo: Int, _ hi: Int, _ ranks: ArraySlice<Int>) {
        guard !ranks.isEmpty else { return }
        if hi - lo <= 24 {
            insertionSort(v, lo, hi)
            return
        }
        let pivot = medianOfThree(v[lo], v[lo + (hi - lo) / 2], v[hi - 1])
        // Three-way partition: [lo, less) < pivot, [less, greater) == pivot, [greater, hi) > pivot.
        // Equal values (the zeros of ReLU activations) end in the middle and are never revisited.
        var less = lo, i = lo, greater = hi
        while i < greater {
            let x = v[i]
            if x < pivot {
                v.swapAt(i, less)
                less += 1
                i += 1
            } else if x > pivot {
                greater -= 1
                v.swapAt(i, greater)
            } else {
                i += 1
            }
        }
        let below = ranks.prefix { $0 < less }
        let above = ranks.drop { $0 < greater }
        select(v, lo, less, below)
        select(v, greater, hi, above)
    }

    private static func insertionSort(_ v: UnsafeMutableBufferPointer<Float>, _ lo: Int, _ hi: Int) {
        guard hi - lo > 1 else { return }
        for i in (lo + 1)..<hi {
            let x = v[i]
            var j = i
            while j > lo && v[j - 1] > x {
                v[j] = v[j - 1]
                j -= 1
            }
            v[j] = x
        }
    }

    private static func medianOfThree(_ a: Float, _ b: Float, _ c: Float) -> Float {
        Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
    }
}
