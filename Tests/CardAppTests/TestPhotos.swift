import Foundation
import TestImages

/// Files for the photo steps, written by the tests: real pictures, since a photo is
/// accepted only when it decodes whole.
enum TestPhotos {
    static let cardPhoto = "card-photo.png"
    static let idFront = "id-front.png"
    static let idBack = "id-back.png"
    static let wrongSize = "wrong-size.png"
    static let notAnImage = "notes.jpg"

    static func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files: [(String, [UInt8])] = [
            (cardPhoto, png(width: 358, height: 441, bytes: 36 * 1024)),
            (idFront, png(width: 640, height: 404, bytes: 60 * 1024)),
            (idBack, png(width: 640, height: 404, bytes: 61 * 1024)),
            (wrongSize, png(width: 400, height: 500, bytes: 40 * 1024)),
            (notAnImage, Array(String(repeating: "not a photo\n", count: 3000).utf8)),
        ]
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }

    /// A real PNG (libpng) padded to exactly `bytes`; the size picks the colours, so
    /// every file has its own SHA-256.
    static func png(width: Int, height: Int, bytes: Int) -> [UInt8] {
        TestImages.png(width: width, height: height, bytes: bytes, seed: bytes % 97)
    }
}

extension TestPhotos {
    static let replacement = "card-photo-new.png"

    /// Another right card photo, as a retiree brings after 照片审核未通过.
    static func writeReplacement(to directory: String) throws {
        try Data(png(width: 358, height: 441, bytes: 38 * 1024)).write(to: URL(fileURLWithPath: directory + "/" + replacement))
    }
}
