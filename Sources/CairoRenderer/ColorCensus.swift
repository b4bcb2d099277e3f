/// Every distinct colour of a picture, how many pixels have it, and which one each pixel has.
///
/// Colours are numbered in the order they are first met (top row first), so the numbering —
/// and everything built on it — is the same on every run; a `Dictionary`'s own iteration order
/// is not (Swift seeds its hashing per process) and is never used.
struct ColorCensus {
    /// The distinct colours, `0x00RRGGBB`, in first-seen order.
    private(set) var colors: [UInt32] = []
    /// `counts[k]`: how many pixels have `colors[k]`.
    private(set) var counts: [Int] = []
    /// For each pixel, its colour's number in `colors`.
    private(set) var ids: [Int32]

    init(_ image: RGBImage) {
        ids = [Int32](repeating: 0, count: image.pixels.count)
        var numberOf: [UInt32: Int32] = [:]
        // Charts are mostly runs of one colour (background, fills): a pixel equal to the one
        // before it skips the hash lookup.
        var previous = image.pixels[0]
        var previousID: Int32 = 0
        colors.append(previous)
        counts.append(0)
        numberOf[previous] = 0
        for (p, color) in image.pixels.enumerated() {
            if color != previous {
                if let id = numberOf[color] {
                    previousID = id
                } else {
                    previousID = Int32(colors.count)
                    numberOf[color] = previousID
                    colors.append(color)
                    counts.append(0)
                }
                previous = color
            }
            ids[p] = previousID
            counts[Int(previousID)] += 1
        }
    }
}
