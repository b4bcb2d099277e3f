/// The three containers `JSONByteEncoder` hands to `encode(to:)`. Each knows its frame and
/// writes straight into the encoder's bytes; a container whose frame is gone or lies under a
/// value still being encoded gives up the fast path.

/// `{"key":value,…}`: members written as they come; the encoder sorts them when the object ends.
struct JSONObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONByteEncoder
    let frame: JSONByteEncoder.FrameID
    var codingPath: [any CodingKey] { [] }

    /// Writes one member: `"key":` then the value, written by `value`.
    private func member(_ key: Key, _ value: () throws -> Void) rethrows {
        let name = key.stringValue
        guard let start = encoder.beginMember(name, of: frame) else { return }
        try value()
        encoder.endMember(name, from: start)
    }

    mutating func encodeNil(forKey key: Key) throws { member(key) { encoder.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key) { encoder.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { member(key) { encoder.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { member(key) { encoder.writeNumber(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { member(key) { encoder.writeNumber(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int128, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt128, forKey key: Key) throws { member(key) { encoder.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try member(key) { try encoder.write(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let name = key.stringValue
        guard let start = encoder.beginMember(name, of: frame) else {
            return KeyedEncodingContainer(JSONObjectContainer<NestedKey>(encoder: encoder, frame: .none))
        }
        let nested = encoder.openNested(.object, member: (name, start))
        return KeyedEncodingContainer(JSONObjectContainer<NestedKey>(encoder: encoder, frame: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let name = key.stringValue
        guard let start = encoder.beginMember(name, of: frame) else { return JSONArrayContainer(encoder: encoder, frame: .none) }
        return JSONArrayContainer(encoder: encoder, frame: encoder.openNested(.array, member: (name, start)))
    }

    mutating func superEncoder() -> any Encoder {
        encoder.giveUp("superEncoder()")
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.giveUp("superEncoder(forKey:)")
        return encoder
    }
}

/// `[value,…]`: elements written as they come.
struct JSONArrayContainer: UnkeyedEncodingContainer {
    let encoder: JSONByteEncoder
    let frame: JSONByteEncoder.FrameID
    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.count(of: frame) }

    /// Writes one element: "," unless it is the first, then the value, written by `value`.
    private func element(_ value: () throws -> Void) rethrows {
        guard encoder.beginElement(of: frame) else { return }
        try value()
    }

    mutating func encodeNil() throws { element { encoder.writeNull() } }
    mutating func encode(_ value: Bool) throws { element { encoder.writeBool(value) } }
    mutating func encode(_ value: String) throws { element { encoder.writeString(value) } }
    mutating func encode(_ value: Double) throws { element { encoder.writeNumber(value) } }
    mutating func encode(_ value: Float) throws { element { encoder.writeNumber(value) } }
    mutating func encode(_ value: Int) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int128) throws { element { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt128) throws { element { encoder.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try element { try encoder.write(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.beginElement(of: frame) ? encoder.openNested(.object, member: nil) : .none
        return KeyedEncodingContainer(JSONObjectContainer<NestedKey>(encoder: encoder, frame: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONArrayContainer(encoder: encoder, frame: encoder.beginElement(of: frame) ? encoder.openNested(.array, member: nil) : .none)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.giveUp("superEncoder()")
        return encoder
    }
}

/// One value: the frame becomes that value when it is encoded (once, as JSONEncoder allows).
struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONByteEncoder
    let frame: JSONByteEncoder.FrameID
    var codingPath: [any CodingKey] { [] }

    private func single(_ value: () throws -> Void) rethrows {
        guard encoder.makeCurrent(frame), encoder.become(.single).depth >= 0 else { return }
        try value()
    }

    mutating func encodeNil() throws { single { encoder.writeNull() } }
    mutating func encode(_ value: Bool) throws { single { encoder.writeBool(value) } }
    mutating func encode(_ value: String) throws { single { encoder.writeString(value) } }
    mutating func encode(_ value: Double) throws { single { encoder.writeNumber(value) } }
    mutating func encode(_ value: Float) throws { single { encoder.writeNumber(value) } }
    mutating func encode(_ value: Int) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int128) throws { single { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt128) throws { single { encoder.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try single { try encoder.write(value) } }
}
