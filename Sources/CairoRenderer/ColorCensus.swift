/// Every distinct colour of a picture, how many pixels have it, and which one each pixel has.
///
/// Colours are numbered in the order they are first met (top row first), so the numbering —
/// and everything built on it — is the same on every run. `ColorCensus.reference` is the
/// plain version with a `Dictionary` and a number per pixel, which tests compare this one with.
struct ColorCensus {
    /// The distinct colours, `0x00RRGGBB`, in first-seen order.
    let colors: [UInt32]
    /// `counts[k]`: how many pixels have `colors[k]`.
    let counts: [Int]
    /// The picture as runs of one colour, row after row: run `r` covers the pixels from
    /// `runEnds[r - 1]` (0 for the first) up to `runEnds[r]`, all of colour `runIDs[r]`.
    /// Charts are mostly long runs (background, fills), so this is far shorter than a number
    /// per pixel, and the indexed picture is filled a run at a time.
    let runEnds: [Int]
    let runIDs: [Int32]

    init(_ image: RGBImage) {
        self = image.pixels.withUnsafeBufferPointer(Self.init(pixels:))
    }

    /// The census of `pixels` (at least one). All state is local to this function: variables
    /// captured by a closure would be boxed, with an exclusivity check at every pixel.
    private init(pixels: UnsafeBufferPointer<UInt32>) {
        var numbering = ColorNumbering()
        var counts: [Int] = [0], runEnds: [Int] = [], runIDs: [Int32] = []
        // A pixel equal to the one before it only extends the run; the lookup and the count
        // happen once per run.
        var runColor = pixels[0], runStart = 0
        var runID = numbering.number(of: runColor)
        var p = 1
        while p <= pixels.count {
            if p < pixels.count && pixels[p] == runColor {
                p += 1
                continue
            }
            runEnds.append(p)
            runIDs.append(runID)
            counts[Int(runID)] += p - runStart
            guard p < pixels.count else { break }
            runColor = pixels[p]
            runStart = p
            runID = numbering.number(of: runColor)
            if Int(runID) == counts.count { counts.append(0) }
            p += 1
        }
        colors = numbering.colors
        self.counts = counts
        self.runEnds = runEnds
        self.runIDs = runIDs
    }

    /// For each pixel, its colour's number in `colors`.
    var ids: [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(runEnds.last ?? 0)
        for (end, id) in zip(runEnds, runIDs) { ids += repeatElement(id, count: end - ids.count) }
        return ids
    }
}

/// Numbers colours in the order they are first asked for: a hash table with open addressing
/// on the colour itself (Fibonacci hashing, linear probing), which for 24-bit keys is several
/// times faster than a `Dictionary` and its per-process seeded hasher.
struct ColorNumbering {
    /// Never a colour: pixels are `0x00RRGGBB`, the top byte 0.
    private static let empty: UInt32 = 0xFFFF_FFFF
    private var keys: [UInt32]
    private var numbers: [Int32]
    /// log2 of the table size.
    private var bits: Int
    /// The colours numbered so far, in order: `colors[n]` has number `n`.
    private(set) var colors: [UInt32] = []

    init() {
        bits = 10
        keys = [UInt32](repeating: Self.empty, count: 1 << bits)
        numbers = [Int32](repeating: 0, count: 1 << bits)
    }

    /// The number of `color` (`0x00RRGGBB`): the next free one when it is new.
    mutating func number(of color: UInt32) -> Int32 {
        var slot = self.slot(of: color)
        while true {
            if keys[slot] == color { return numbers[slot] }
            if keys[slot] == Self.empty { break }
            slot = (slot + 1) & (keys.count - 1)
        }
        let number = Int32(colors.count)
        keys[slot] = color
        numbers[slot] = number
        colors.append(color)
        if colors.count * 2 > keys.count { grow() }  // at most half full: probes stay short
        return number
    }

    private func slot(of color: UInt32) -> Int {
        Int((color &* 0x9E37_79B1) >> UInt32(32 - bits))
    }

    private mutating func grow() {
        bits += 1
        keys = [UInt32](repeating: Self.empty, count: 1 << bits)
        numbers = [Int32](repeating: 0, count: 1 << bits)
        for (number, color) in colors.enumerated() {
            var slot = self.slot(of: color)
            while keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = color
            numbers[slot] = Int32(number)
        }
    }
}
