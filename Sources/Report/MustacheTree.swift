import Mustache

/// A view model as swift-mustache reads it fastest: every struct turned once into a
/// `[String: Any]` of its stored properties.
///
/// swift-mustache reads a plain struct through `Mirror` at every `{{name}}`, and for a name
/// the innermost object lacks, again in each enclosing object up the context stack: on the
/// udacity report that was most of the template fill's 86 ms. A `[String: Any]` answers the
/// same question with one hash lookup (`Dictionary` is the package's own `MustacheParent`).
///
/// The tree answers every lookup as `Mirror` would: a property's value, an optional's
/// wrapped value, nothing for a nil optional (so the lookup goes on up the stack, as before).
/// Strings, numbers, Bools, enums and dictionaries stay as they are; arrays stay arrays
/// (with their structs converted). Only rendering a struct itself as text (`{{row}}`, which
/// prints Swift's description of it) would differ, and no template does that.
enum MustacheTree {
    static func make(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            var properties: [String: Any] = [:]
            properties.reserveCapacity(Int(mirror.children.count))
            for case let (label?, child) in mirror.children where properties[label] == nil {
                if let present = unwrapped(child) { properties[label] = make(present) }
            }
            return properties
        case .collection:
            // Arrays of structs become arrays of dictionaries; arrays of anything else
            // (strings) are kept, type and all.
            guard let array = value as? [Any], array.contains(where: isStruct) else { return value }
            return array.map(make)
        default:
            return value
        }
    }

    /// One level of `Optional` removed, as swift-mustache's own reading does.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    private static func isStruct(_ value: Any) -> Bool {
        Mirror(reflecting: value).displayStyle == .struct
    }
}
