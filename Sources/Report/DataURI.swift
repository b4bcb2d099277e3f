import Foundation

/// `data:` URIs, so images and downloads live inside the one HTML file.
public enum DataURI {
    public static func make(mediaType: String, bytes: some Collection<UInt8>) -> String {
        "data:\(mediaType);base64," + Data(bytes).base64EncodedString()
    }

    public static func png(_ bytes: [UInt8]) -> String { make(mediaType: "image/png", bytes: bytes) }
}
