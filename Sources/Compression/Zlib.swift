import CZlib

/// In-memory compression through the system zlib. The only file that imports `CZlib`.
public enum Zlib {
    /// Inflates gzip or zlib data (auto-detect, windowBits 15 + 32); handles concatenated gzip
    /// members; every zlib return code checked; refuses to produce more than `outputLimit` bytes.
    public static func inflate(_ data: [UInt8], outputLimit: Int) throws(ZlibError) -> [UInt8] {
        if data.isEmpty { throw .empty }
        precondition(outputLimit >= 0, "outputLimit must be ≥ 0, got \(outputLimit)")
        let stream = try InflateStream()
        // One byte of room beyond the limit tells "exactly outputLimit bytes" (zlib may fill the
        // buffer before it reports the end of the stream) from "more than that".
        let capacityLimit = outputLimit < Int.max ? outputLimit + 1 : outputLimit
        // Output grows geometrically from a first guess: the gzip trailer's ISIZE (the
        // uncompressed size mod 2^32), which is exact for a single member under 4 GiB.
        var output = [UInt8](repeating: 0, count: min(capacityLimit, initialCapacity(for: data)))
        var consumed = 0
        var produced = 0
        while true {
            if produced == output.count {
                if output.count >= capacityLimit {   // only when outputLimit is Int.max
                    throw .corrupt("decompressed data exceeds \(outputLimit) bytes")
                }
                let grown = min(capacityLimit, max(output.count * 2, 1 << 16))
                // A zero-filled array appends as one copy; a `repeatElement` sequence is copied
                // element by element in a debug build (seconds for a few megabytes under ASan).
                output.append(contentsOf: [UInt8](repeating: 0, count: grown - output.count))
            }
            let step = stream.inflateStep(input: data, from: consumed, output: &output, at: produced)
            consumed += step.consumed
            produced += step.produced
            if produced > outputLimit {
                throw .corrupt("decompressed data exceeds \(outputLimit) bytes")
            }
            switch step.code {
            case Z_STREAM_END:
                // Another gzip member may follow (as `cat a.gz b.gz` makes); anything else is
                // trailing garbage.
                if consumed == data.count {
                    output.removeLast(output.count - produced)
                    return output
                }
                if data.count - consumed >= 2, data[consumed] == 0x1F, data[consumed + 1] == 0x8B {
                    try stream.reset()
                    continue
                }
                throw .corrupt("\(data.count - consumed) bytes of trailing "
                                   + "data after the compressed stream")
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: with output room left, the input ran out early.
                if produced < output.count {
                    throw .corrupt("unexpected end of compressed data after "
                                       + "\(consumed) bytes (file truncated?)")
                }
                continue
            case Z_NEED_DICT:
                throw .corrupt("stream needs a preset dictionary")
            case Z_MEM_ERROR:
                throw .corrupt("out of memory")
            default:  // Z_DATA_ERROR, Z_STREAM_ERROR, or anything new
                throw .corrupt(stream.message ?? "zlib error \(step.code)")
            }
        }
    }

    /// A first output size: ISIZE for gzip data, else four times the input; never more than
    /// deflate's best ratio (about 1032 : 1) allows, so a corrupt trailer cannot demand gigabytes.
    private static func initialCapacity(for data: [UInt8]) -> Int {
        let (bound, overflow) = data.count.multipliedReportingOverflow(by: 1032)
        let ceiling = overflow ? Int.max : bound + (1 << 10)
        let fallback = min(ceiling, max(1 << 16, data.count.multipliedReportingOverflow(by: 4).partialValue))
        guard data.count >= 18, data[0] == 0x1F, data[1] == 0x8B else { return fallback }
        let n = data.count
        let isize = Int(data[n - 4]) | Int(data[n - 3]) << 8 | Int(data[n - 2]) << 16 | Int(data[n - 1]) << 24
        return min(ceiling, max(isize, 1))
    }
}

extension Zlib {
    /// Compresses `data` into one gzip member (deflate, windowBits 15 + 16), at `level` 1…9.
    public static func gzip(_ data: [UInt8], level: Int32 = 9) -> [UInt8] {
        compress(data, level: level, windowBits: 15 + 16)
    }

    /// Compresses `data` into one zlib stream (RFC 1950: deflate with windowBits 15, a 2-byte
    /// header and an Adler-32 trailer), at `level` 1…9 — what a PNG's IDAT chunks carry.
    public static func deflate(_ data: [UInt8], level: Int32 = 9) -> [UInt8] {
        compress(data, level: level, windowBits: 15)
    }

    /// The CRC-32 of `data` (ISO 3309 / ITU-T V.42, as gzip and PNG chunks use), continuing
    /// from `crc` (0 to start).
    public static func crc32(_ data: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        // zlib answers a null buffer with the initial value (0), not with `crc`.
        guard !data.isEmpty else { return crc }
        return data.withUnsafeBufferPointer { bytes in
            // zlib takes a 32-bit length; chunked so any array size is safe.
            var value = uLong(crc)
            var offset = 0
            repeat {
                let count = min(bytes.count - offset, Int(UInt32.max))
                value = CZlib.crc32(value, bytes.baseAddress.map { $0 + offset }, uInt(count))
                offset += count
            } while offset < bytes.count
            return UInt32(truncatingIfNeeded: value)
        }
    }

    /// One-shot deflate of `data` with the given windowBits (15: zlib, 15 + 16: gzip).
    private static func compress(_ data: [UInt8], level: Int32, windowBits: Int32) -> [UInt8] {
        var stream = z_stream()
        let initCode = deflateInit2_(&stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                                     ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(initCode == Z_OK, "deflateInit2 failed with zlib code \(initCode)")
        defer { deflateEnd(&stream) }
        // deflateBound is an upper bound for a single Z_FINISH call, header and trailer included
        // for the format chosen at init.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        let produced: Int = data.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                let code = CZlib.deflate(&stream, Z_FINISH)
                precondition(code == Z_STREAM_END, "deflate did not finish (zlib code \(code))")
                stream.next_in = nil
                stream.next_out = nil
                return dst.count - Int(stream.avail_out)
            }
        }
        output.removeLast(output.count - produced)
        return output
    }
}

/// Why zlib could not inflate some bytes.
public enum ZlibError: Error, Equatable {
    case empty
    case corrupt(String)
}

/// Owns one zlib inflate state: `z_stream` must stay at one address between calls (zlib checks
/// its back-pointer), so it lives in memory this class allocates and frees in `deinit`.
private final class InflateStream {
    private let stream: UnsafeMutablePointer<z_stream>

    init() throws(ZlibError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .corrupt("inflateInit2 failed with zlib code \(code)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// zlib's explanation of the last error, if it gave one.
    var message: String? {
        guard let msg = stream.pointee.msg else { return nil }
        return String(cString: msg)
    }

    /// Starts a new gzip member, keeping the allocated state.
    func reset() throws(ZlibError) {
        let code = inflateReset(stream)
        guard code == Z_OK else {
            throw .corrupt("inflateReset failed with zlib code \(code)")
        }
    }

    /// One `inflate` call on `input[from...]` into `output[at...]`. Pointers are handed to zlib
    /// only for the duration of this call and cleared before it returns.
    func inflateStep(input: [UInt8], from inputOffset: Int, output: inout [UInt8],
                     at outputOffset: Int) -> (code: Int32, consumed: Int, produced: Int) {
        let inputCount = min(input.count - inputOffset, Int(UInt32.max))
        let outputCount = min(output.count - outputOffset, Int(UInt32.max))
        let code: Int32 = input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                guard let inBase = src.baseAddress, let outBase = dst.baseAddress else { return Z_BUF_ERROR }
                // zlib's next_in is non-const for historical reasons; it never writes through it.
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBase + inputOffset)
                stream.pointee.avail_in = uInt(inputCount)
                stream.pointee.next_out = outBase + outputOffset
                stream.pointee.avail_out = uInt(outputCount)
                let code = CZlib.inflate(stream, Z_NO_FLUSH)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return code
            }
        }
        let consumed = inputCount - Int(stream.pointee.avail_in)
        let produced = outputCount - Int(stream.pointee.avail_out)
        return (code, consumed, produced)
    }
}
