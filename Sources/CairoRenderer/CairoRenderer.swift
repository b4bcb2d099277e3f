import CCairo
import Charts

/// Paints charts with Cairo into an in-memory RGB surface (opaque white: no alpha channel to
/// store) and encodes it as PNG bytes — by default an indexed-colour PNG (`PalettePNG`), several
/// times smaller than Cairo's own 24-bit encoding.
///
/// The only file that imports CCairo. The surface and context are owned by this
/// non-Sendable class and freed in `deinit`; use one instance on one thread.
public final class CairoRenderer: Renderer {
    private let surface: OpaquePointer
    private let context: OpaquePointer
    public let size: Size
    public let scale: Double

    /// A white canvas of `size` logical pixels, `scale` device pixels per logical pixel
    /// (2 for sharp text on high-density screens).
    public init(size: Size, scale: Double = 1) throws(RenderError) {
        let width = Int32((size.width * scale).rounded()), height = Int32((size.height * scale).rounded())
        guard width > 0, height > 0, width <= 16_384, height <= 16_384 else {
            throw .badSize(width: Int(width), height: Int(height))
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
            throw .cairo(status: "no surface")
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            let status = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw .cairo(status: status)
        }
        self.surface = surface
        self.context = context
        self.size = size
        self.scale = scale
        cairo_scale(context, scale, scale)
        cairo_set_antialias(context, CAIRO_ANTIALIAS_BEST)
        cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Draws `chart` on a fresh canvas and returns the PNG bytes.
    public static func png(_ chart: some Chart, size: Size, scale: Double = 2,
                           encoding: PNGEncoding = .palette) throws(RenderError) -> [UInt8] {
        let canvas = try CairoRenderer(size: size, scale: scale)
        chart.draw(in: canvas, size: size)
        return try canvas.pngBytes(encoding: encoding)
    }

    /// From this many path elements on, a stroke is anti-aliased with Cairo's FAST mode.
    /// A long polyline (a loss curve of 938 noisy steps) zig-zags across its whole plot, so
    /// each pixel row of its outline crosses hundreds of edges, and at BEST (which every other
    /// drawing keeps) one 12-curve loss chart was 16% of all chart time. FAST scan-converts
    /// the same outline on a coarser coverage grid in a third of the time (a C loop over
    /// twelve such curves: 53–66 against 162–211 ms). The loss charts look the same enlarged
    /// five times; edge pixels take fewer shades, and a sawtooth that doubles back every 3
    /// pixels gets 8% less ink (LongStrokeAntialiasTests; docs/performance.md, "Fourth round").
    static let fastAntialiasElements = 64
    /// `fastAntialiasElements` for this canvas; tests raise it to compare with BEST.
    var fastStrokeElements = CairoRenderer.fastAntialiasElements

    public func stroke(_ path: Path, style: StrokeStyle) {
        trace(path)
        setColor(style.color)
        cairo_set_line_width(context, style.width)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        style.dash.withUnsafeBufferPointer { dashes in
            cairo_set_dash(context, dashes.baseAddress, Int32(dashes.count), 0)
        }
        let long = path.elements.count >= fastStrokeElements
        if long { cairo_set_antialias(context, CAIRO_ANTIALIAS_FAST) }
        cairo_stroke(context)
        if long { cairo_set_antialias(context, CAIRO_ANTIALIAS_BEST) }
    }

    public func fill(_ path: Path, color: Color) {
        trace(path)
        setColor(color)
        cairo_fill(context)
    }

    public func text(_ text: String, at point: Point, style: TextStyle) {
        setFont(style)
        let width = measure(text, style: style).width
        let shift: Double = switch style.anchor {
        case .start: 0
        case .middle: -width / 2
        case .end: -width
        }
        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        if style.vertical { cairo_rotate(context, -Double.pi / 2) }
        cairo_move_to(context, shift, 0)
        setColor(style.color)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    public func measure(_ text: String, style: TextStyle) -> Size {
        setFont(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return Size(extents.x_advance, style.size)
    }

    public func clip(to rect: Rect?) {
        cairo_reset_clip(context)
        guard let rect else { return }
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    /// The canvas as PNG bytes: an indexed-colour PNG by default, or Cairo's 24-bit one.
    public func pngBytes(encoding: PNGEncoding = .palette) throws(RenderError) -> [UInt8] {
        switch encoding {
        case .palette: PalettePNG.encode(image())
        case .cairo: try cairoPNGBytes()
        }
    }

    /// A copy of the canvas pixels as plain values.
    public func image() -> RGBImage {
        cairo_surface_flush(surface)
        return Self.pixels(of: surface)
    }

    /// The canvas as a 24-bit PNG, encoded in memory with cairo_surface_write_to_png_stream.
    private func cairoPNGBytes() throws(RenderError) -> [UInt8] {
        cairo_surface_flush(surface)
        let sink = PNGSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(status: String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    /// Decodes PNG bytes (any colour type libpng reads: palette, RGB, grey) with Cairo into
    /// pixels. A file with transparency gives Cairo's premultiplied colours (as over black).
    public static func decodePNG(_ bytes: [UInt8]) throws(RenderError) -> RGBImage {
        let source = PNGSource(bytes: bytes)
        let image = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                let source = Unmanaged<PNGSource>.fromOpaque(closure).takeUnretainedValue()
                guard source.offset + Int(length) <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                for i in 0..<Int(length) { data[i] = source.bytes[source.offset + i] }
                source.offset += Int(length)
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(source).toOpaque())
        }
        guard let image else { throw .cairo(status: "no surface") }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else {
            throw .notPNG(reason: String(cString: cairo_status_to_string(cairo_surface_status(image))))
        }
        let format = cairo_image_surface_get_format(image)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else {
            throw .notPNG(reason: "Cairo decoded it to pixel format \(format.rawValue), not 8 bits per channel")
        }
        guard cairo_image_surface_get_width(image) > 0, cairo_image_surface_get_height(image) > 0 else {
            throw .notPNG(reason: "the image has no pixels")
        }
        return pixels(of: image)
    }

    /// Decodes PNG bytes with Cairo and summarises them: size and how many distinct
    /// colours (so a test can tell a drawn chart from a blank canvas).
    public static func inspectPNG(_ bytes: [UInt8]) throws(RenderError) -> (width: Int, height: Int, distinctColors: Int) {
        let image = try decodePNG(bytes)
        return (image.width, image.height, Set(image.pixels).count)
    }

    /// The pixels of a flushed 32-bit image surface (RGB24 or ARGB32: one native-endian word
    /// per pixel, xRGB), rows `stride` bytes apart; the top byte is dropped.
    private static func pixels(of surface: OpaquePointer) -> RGBImage {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let wordsPerRow = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let data = cairo_image_surface_get_data(surface) else {
            return RGBImage(width: width, height: height, clearedPixels: [UInt32](repeating: 0, count: width * height))
        }
        // Every pixel is written below, so the array is not zeroed first.
        let pixels = [UInt32](unsafeUninitializedCapacity: width * height) { out, initialized in
            data.withMemoryRebound(to: UInt32.self, capacity: wordsPerRow * height) { words in
                for row in 0..<height {
                    for col in 0..<width { out[row * width + col] = words[row * wordsPerRow + col] & 0x00FF_FFFF }
                }
            }
            initialized = width * height
        }
        return RGBImage(width: width, height: height, clearedPixels: pixels)
    }

    private func trace(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case let .move(p): cairo_move_to(context, p.x, p.y)
            case let .line(p): cairo_line_to(context, p.x, p.y)
            case .close: cairo_close_path(context)
            }
        }
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha)
    }

    private func setFont(_ style: TextStyle) {
        cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, style.size)
    }
}

/// How `CairoRenderer` writes PNG files.
public enum PNGEncoding: Sendable, CaseIterable {
    /// Indexed colour (`PalettePNG`): at most 256 colours, exact when the canvas has no more.
    case palette
    /// Cairo's own encoder: 24-bit RGB, lossless, several times larger for charts.
    case cairo
}

/// Collects PNG bytes from Cairo's write callback.
private final class PNGSink {
    var bytes: [UInt8] = []
}

/// Feeds PNG bytes to Cairo's read callback.
private final class PNGSource {
    let bytes: [UInt8]
    var offset = 0
    init(bytes: [UInt8]) { self.bytes = bytes }
}

/// Why a chart could not be painted.
public enum RenderError: Error, CustomStringConvertible, Equatable {
    case badSize(width: Int, height: Int)
    case cairo(status: String)
    case notPNG(reason: String)

    public var description: String {
        switch self {
        case let .badSize(width, height):
            return "Cannot draw a \(width)×\(height) pixel chart. Use a size between 1 and 16384 pixels per side."
        case let .cairo(status):
            return "Cairo failed: \(status). Check that libcairo2 and fonts-dejavu-core are installed (make deps)."
        case let .notPNG(reason):
            return "Not a PNG image: \(reason). Pass bytes written by CairoRenderer.pngBytes()."
        }
    }
}
