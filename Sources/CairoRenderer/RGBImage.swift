/// An opaque picture as plain Swift values: `width × height` pixels, row-major from the top
/// row, each `0x00RRGGBB` (8 bits per channel, the top byte always 0).
///
/// What `CairoRenderer.image()` copies out of a canvas and `CairoRenderer.decodePNG` reads
/// back, so encoders and tests can work on pixels without touching Cairo.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt32]

    /// `pixels` must hold `width × height` colours; the top byte of each is cleared.
    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height,
                     "RGBImage \(width)×\(height) needs \(width * height) pixels, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels.map { $0 & 0x00FF_FFFF }
    }

    /// `pixels` whose top bytes are already 0 (what `CairoRenderer` copies out of a
    /// surface), kept as they are instead of masked again.
    init(width: Int, height: Int, clearedPixels pixels: [UInt32]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height,
                     "RGBImage \(width)×\(height) needs \(width * height) pixels, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The colour at column `x`, row `y` (row 0 at the top).
    public subscript(x: Int, y: Int) -> UInt32 {
        pixels[y * width + x]
    }
}
