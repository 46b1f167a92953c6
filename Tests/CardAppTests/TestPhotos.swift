import Foundation

/// Files for the photo steps, written by the tests: the checks read only the header
/// (PNG IHDR), so a valid signature and IHDR followed by filler is a "photo" of that size.
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

    static func png(width: Int, height: Int, bytes: Int) -> [UInt8] {
        func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        var data: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        data += be32(13) + Array("IHDR".utf8) + be32(width) + be32(height) + [8, 2, 0, 0, 0] + be32(0)
        // Filler differs per size so that each file has its own SHA-256.
        data += (0..<max(0, bytes - data.count)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ width) }
        return data
    }
}

extension TestPhotos {
    static let replacement = "card-photo-new.png"

    /// Another right card photo, as a retiree brings after 照片审核未通过.
    static func writeReplacement(to directory: String) throws {
        try Data(png(width: 358, height: 441, bytes: 38 * 1024)).write(to: URL(fileURLWithPath: directory + "/" + replacement))
    }
}
