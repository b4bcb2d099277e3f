/// A picture as palette indices, what an indexed-colour (type 3) PNG stores: at most 256
/// colours, and one index into them per pixel.
public struct IndexedImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// The colours, `0x00RRGGBB`, 1 to 256 of them.
    public let palette: [UInt32]
    /// `width × height` indices into `palette`, row-major from the top row.
    public let indices: [UInt8]

    public init(width: Int, height: Int, palette: [UInt32], indices: [UInt8]) {
        precondition(width > 0 && height > 0 && indices.count == width * height,
                     "IndexedImage \(width)×\(height) needs \(width * height) indices, got \(indices.count)")
        precondition((1...256).contains(palette.count), "a PNG palette holds 1 to 256 colours, got \(palette.count)")
        precondition(Int(indices.max() ?? 0) < palette.count, "an index points past the \(palette.count)-colour palette")
        self.width = width
        self.height = height
        self.palette = palette
        self.indices = indices
    }

    /// Each pixel's palette colour: the picture a decoder shows.
    public func expanded() -> RGBImage {
        RGBImage(width: width, height: height, pixels: indices.map { palette[Int($0)] })
    }
}
