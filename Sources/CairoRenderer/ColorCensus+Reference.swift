extension ColorCensus {
    /// The census the plain way — a `Dictionary` lookup at every change of colour, a count
    /// per pixel — kept as the reference that tests compare the fast one with.
    static func reference(_ image: RGBImage) -> (colors: [UInt32], counts: [Int], ids: [Int32]) {
        var colors: [UInt32] = [], counts: [Int] = []
        var ids = [Int32](repeating: 0, count: image.pixels.count)
        var numberOf: [UInt32: Int32] = [:]
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
        return (colors, counts, ids)
    }
}
