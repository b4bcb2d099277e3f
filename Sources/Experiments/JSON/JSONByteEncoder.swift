import Foundation

/// The `Encoder` behind `SortedKeysJSONEncoder`. Every value being encoded has a `Frame` on
/// a stack while its `encode(to:)` runs; the containers it asks for write into `text` and
/// record object members in `members`. When `encode(to:)` returns, the frame is closed:
/// "}" or "]" written, an object's members put in key order (`closeObject`).
///
/// A nested container (`nestedContainer(keyedBy:forKey:)`, as synthesized enum coding uses)
/// gets a frame of its own above its parent's; it is closed when the parent's value ends or
/// the parent container is used again.
final class JSONByteEncoder: Encoder {
    /// A value whose `encode(to:)` is running, or a nested container.
    struct Frame {
        enum Kind { case none, object, array, single }
        var kind: Kind
        /// Where the value's bytes begin in `text`.
        let start: Int
        /// Where the value's members begin in `members` (objects).
        let firstMember: Int
        /// Told apart from a later frame at the same depth, so a container kept past its
        /// value's end is caught (set by `push`).
        var serial = 0
        /// A nested container's frame: the member of the parent object it is the value of
        /// (nil in an array, and for a value's own frame, whose caller records the member).
        var parentMember: (key: String, start: Int)?
        let isNested: Bool
        /// The `CodingKey` type of an object's container (nil when it used several), for
        /// `knownOrders`.
        var keyType: ObjectIdentifier?
        /// Elements or members written so far.
        var count = 0
    }

    /// A container's handle on its frame: the frame's depth and serial.
    struct FrameID {
        let depth: Int
        let serial: Int
        static let none = FrameID(depth: -1, serial: -1)
    }

    /// One `"key":value` of an open object, as written.
    struct Member {
        let key: String
        let bytes: Range<Int>
    }

    // Swift checks at run time that no two accesses to a class's stored property overlap,
    // on every access: a quarter of the encoding time for these three. They are only ever
    // touched by one short call at a time (no closure holds them across a call into
    // `encode(to:)`), so the check is switched off.
    /// What is written so far.
    @exclusivity(unchecked) private(set) var text = JSONText()
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var members: [Member] = []
    private var serials = 0
    /// For each `CodingKey` type, the keys of the last object written with it and their
    /// key order: objects of one type mostly come with the same keys, sorted once.
    private var knownOrders: [ObjectIdentifier: (keys: [String], order: [Int])] = [:]
    /// Set when the value needs something only `JSONEncoder` does the same way; what is
    /// written after that is thrown away.
    private(set) var unsupported: String?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func giveUp(_ reason: String) {
        if unsupported == nil { unsupported = reason }
    }

    // MARK: Values

    /// Writes any value: the types JSONEncoder writes directly without asking them, else
    /// through the value's own `encode(to:)`.
    func write<T: Encodable>(_ value: T) throws {
        if let shortcut = Self.shortcuts[ObjectIdentifier(T.self)] {
            writeDirectly(value, shortcut)
            return
        }
        let depth = frames.count
        push(Frame(kind: .none, start: text.count, firstMember: members.count, isNested: false))
        try value.encode(to: self)
        closeNested(above: depth)
        let frame = frames.removeLast()
        if frame.kind == .none {
            // JSONEncoder writes "{}" for a value that asked for no container, and refuses
            // one at the top level: let it say so.
            if frames.isEmpty { giveUp("nothing encoded at the top level") }
            text.append("{}")
        }
        close(frame)
    }

    /// Types written without asking them to encode themselves: the standard library's
    /// leaves and arrays of them (what JSONEncoder also writes directly), and the Foundation
    /// types it writes by rules of its own (dates as seconds since 2001, data as base64,
    /// URLs as strings, decimals as numbers), which are left to it.
    private enum Shortcut { case string, double, float, int, bool, strings, doubles, floats, ints, foundation }

    /// One dictionary lookup per value: cheaper than comparing `T.self` with each type in
    /// turn (the array types' metadata is looked up at run time on every comparison).
    private static let shortcuts: [ObjectIdentifier: Shortcut] = [
        ObjectIdentifier(String.self): .string, ObjectIdentifier(Double.self): .double,
        ObjectIdentifier(Float.self): .float, ObjectIdentifier(Int.self): .int, ObjectIdentifier(Bool.self): .bool,
        ObjectIdentifier([String].self): .strings, ObjectIdentifier([Double].self): .doubles,
        ObjectIdentifier([Float].self): .floats, ObjectIdentifier([Int].self): .ints,
        ObjectIdentifier(Date.self): .foundation, ObjectIdentifier(Data.self): .foundation,
        ObjectIdentifier(URL.self): .foundation, ObjectIdentifier(Decimal.self): .foundation,
    ]

    private func writeDirectly<T>(_ value: T, _ shortcut: Shortcut) {
        switch shortcut {
        case .string: if let string = value as? String { text.writeString(string) }
        case .double: if let number = value as? Double { text.writeNumber(number) }
        case .float: if let number = value as? Float { text.writeNumber(number) }
        case .int: if let number = value as? Int { text.writeInteger(number) }
        case .bool: if let flag = value as? Bool { text.writeBool(flag) }
        case .strings: if let array = value as? [String] { text.writeArray(array) { $0.writeString($1) } }
        case .doubles: if let array = value as? [Double] { text.writeArray(array) { $0.writeNumber($1) } }
        case .floats: if let array = value as? [Float] { text.writeArray(array) { $0.writeNumber($1) } }
        case .ints: if let array = value as? [Int] { text.writeArray(array) { $0.writeInteger($1) } }
        case .foundation: giveUp("\(T.self)")
        }
    }

    func writeNull() { text.writeNull() }
    func writeBool(_ value: Bool) { text.writeBool(value) }
    func writeString(_ value: String) { text.writeString(value) }
    func writeInteger<I: FixedWidthInteger>(_ value: I) { text.writeInteger(value) }
    func writeNumber<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) { text.writeNumber(value) }

    // MARK: Frames

    private func push(_ frame: Frame) {
        var frame = frame
        serials += 1
        frame.serial = serials
        frames.append(frame)
    }

    /// The frame of the value whose `encode(to:)` is running: the encoder's containers are its.
    private var valueFrame: Int? { frames.lastIndex { !$0.isNested } }

    private var top: FrameID {
        frames.last.map { FrameID(depth: frames.count - 1, serial: $0.serial) } ?? .none
    }

    /// Closes the nested containers' frames above `depth`, innermost first.
    private func closeNested(above depth: Int) {
        while frames.count > depth + 1, let last = frames.last, last.isNested {
            close(frames.removeLast())
        }
    }

    /// Ends a frame just taken off the stack: "]" or the object's members in key order,
    /// and, for a nested container in an object, its member recorded.
    private func close(_ frame: Frame) {
        switch frame.kind {
        case .none, .single: break
        case .array: text.append(ascii: "]")
        case .object: closeObject(frame)
        }
        if let member = frame.parentMember { endMember(member.key, from: member.start) }
    }

    /// Makes `frame` the one being written to, closing nested containers opened after it;
    /// false (and the fast path given up) when it is gone, or a value's own frame is above it.
    func makeCurrent(_ frame: FrameID) -> Bool {
        guard frames.indices.contains(frame.depth), frames[frame.depth].serial == frame.serial else {
            giveUp("a container used after its value ended")
            return false
        }
        closeNested(above: frame.depth)
        guard frames.count == frame.depth + 1 else {
            giveUp("a container used inside a nested value")
            return false
        }
        return true
    }

    /// Makes the current value a JSON object, array or single value and returns its frame;
    /// `.none` (and the fast path given up) when it already is another kind, which
    /// JSONEncoder forbids.
    func become(_ kind: Frame.Kind, keyType: ObjectIdentifier? = nil) -> FrameID {
        guard let current = valueFrame else {
            giveUp("a container outside encode(to:)")
            return .none
        }
        closeNested(above: current)
        switch (frames[current].kind, kind) {
        case (.none, .object):
            text.append(ascii: "{")
            frames[current].keyType = keyType
        case (.none, .array): text.append(ascii: "[")
        case (.none, .single): break
        case (.object, .object):
            if frames[current].keyType != keyType { frames[current].keyType = nil }
            return top
        case (.array, .array): return top
        default:
            giveUp("\(kind) requested from a value that is already \(frames[current].kind)")
            return .none
        }
        frames[current].kind = kind
        return top
    }

    func count(of frame: FrameID) -> Int {
        frames.indices.contains(frame.depth) && frames[frame.depth].serial == frame.serial ? frames[frame.depth].count : 0
    }

    /// Writes "," before every element but the first, and counts it.
    func beginElement(of frame: FrameID) -> Bool {
        guard makeCurrent(frame) else { return false }
        if frames[frame.depth].count > 0 { text.append(ascii: ",") }
        frames[frame.depth].count += 1
        return true
    }

    /// Writes `"key":` (after "," unless it is the first member) and returns where the
    /// member's bytes begin; `endMember` records it once the value is written.
    func beginMember(_ key: String, of frame: FrameID) -> Int? {
        guard beginElement(of: frame) else { return nil }
        let start = text.count
        text.writeString(key)
        text.append(ascii: ":")
        return start
    }

    func endMember(_ key: String, from start: Int) {
        members.append(Member(key: key, bytes: start..<text.count))
    }

    /// Opens a nested container as the value of the member or element just begun:
    /// `memberKey` and `start` as `beginMember` gave them (nil in an array).
    func openNested(_ kind: Frame.Kind, member: (key: String, start: Int)?) -> FrameID {
        push(Frame(kind: kind, start: text.count, firstMember: members.count, parentMember: member, isNested: true))
        text.append(ascii: kind == .object ? "{" : "[")
        return top
    }

    /// Ends an object: its members were written in the order they were encoded; they are
    /// rewritten in key order unless already in it.
    private func closeObject(_ frame: Frame) {
        let written = members[frame.firstMember...]
        defer { members.removeLast(members.count - frame.firstMember) }
        guard let order = keyOrder(of: written, keyType: frame.keyType) else { return }
        if order.isEmpty {
            text.append(ascii: "}")
        } else {
            text.rewriteObject(from: frame.start, members: order.map { written[frame.firstMember + $0].bytes })
        }
    }

    /// Where each member goes in key order (positions in `written`), [] when they are in
    /// key order already; nil (and the fast path given up) when JSONEncoder would keep one
    /// member of several.
    private func keyOrder(of written: ArraySlice<Member>, keyType: ObjectIdentifier?) -> [Int]? {
        if let keyType, let known = knownOrders[keyType],
           known.keys.elementsEqual(written.lazy.map(\.key), by: Self.sameBytes) {
            return known.order
        }
        let keys = written.map(\.key)
        // JSONEncoder keeps one value per key (a Swift dictionary, which calls "é" and
        // "e\u{301}" the same key); leave objects with a key twice to it.
        if Set(keys).count < keys.count {
            giveUp("a key encoded twice in one object")
            return nil
        }
        let sorted = keys.indices.sorted { Self.precedes(keys[$0], keys[$1]) }
        let order = sorted.elementsEqual(keys.indices) ? [] : sorted
        if let keyType { knownOrders[keyType] = (keys, order) }
        return order
    }

    /// JSONEncoder's order: the keys' UTF-8 bytes compared lexicographically.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { a in b.withUTF8 { b in a.lexicographicallyPrecedes(b) } }
    }

    /// The same UTF-8 bytes. Not `==`, which calls "é" and "e\u{301}" equal though they
    /// sort apart: every `[String: V]` shares one key type, so a cached order must match
    /// the bytes it was computed for.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { a in b.withUTF8 { b in a.elementsEqual(b) } }
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let frame = become(.object, keyType: ObjectIdentifier(Key.self))
        return KeyedEncodingContainer(JSONObjectContainer(encoder: self, frame: frame))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONArrayContainer(encoder: self, frame: become(.array))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        guard let current = valueFrame else { return JSONSingleValueContainer(encoder: self, frame: .none) }
        return JSONSingleValueContainer(encoder: self, frame: FrameID(depth: current, serial: frames[current].serial))
    }
}
