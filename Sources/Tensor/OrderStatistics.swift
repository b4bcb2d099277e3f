/// Puts chosen order statistics of a Float array in place without sorting all of it: after
/// `place(ranks:in:)`, `values[r]` is the value a full ascending sort would put at index `r`,
/// for every requested `r` (the other positions hold the rest of the values, in no useful
/// order). Percentiles need 7–14 ranks of a 2048-value sample; a quickselect that only
/// descends into the parts holding a requested rank does a fraction of a sort's work.
public enum OrderStatistics {
    /// `ranks` must lie in `0..<values.count`; duplicates and any order are fine. The values
    /// must not be NaN (percentiles pass finite values only).
    public static func place(ranks: [Int], in values: inout [Float]) {
        let wanted = Array(Set(ranks)).sorted()
        precondition(wanted.allSatisfy { values.indices.contains($0) }, "OrderStatistics: ranks \(wanted) outside 0..<\(values.count)")
        values.withUnsafeMutableBufferPointer { select($0, 0, $0.count, wanted[...]) }
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
