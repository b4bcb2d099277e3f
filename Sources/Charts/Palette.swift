/// Series colours and dash patterns.
///
/// Colours: Okabe & Ito's eight colour-blind-safe colours (black moved last, yellow darkened
/// slightly to read on white), then Tableau 10's. With more than 8 series, each series past
/// the eighth also gets a dash pattern, so no two series look the same in colour *and* style.
public enum Palette {
    public static let colors: [Color] = [
        Color(hex: 0x0072B2),  // blue
        Color(hex: 0xE69F00),  // orange
        Color(hex: 0x009E73),  // bluish green
        Color(hex: 0xD55E00),  // vermillion
        Color(hex: 0xCC79A7),  // reddish purple
        Color(hex: 0x56B4E9),  // sky blue
        Color(hex: 0xC9B000),  // yellow, darkened
        Color(hex: 0x000000),  // black
    ]

    public static let dashes: [[Double]] = [[], [6, 3], [2, 2], [8, 3, 2, 3]]

    /// Colour for series `index`.
    public static func color(_ index: Int) -> Color { colors[index % colors.count] }

    /// Dash pattern for series `index` of `count`: solid while colours suffice.
    public static func dash(_ index: Int, of count: Int) -> [Double] {
        count <= colors.count ? [] : dashes[(index / colors.count) % dashes.count]
    }
}
