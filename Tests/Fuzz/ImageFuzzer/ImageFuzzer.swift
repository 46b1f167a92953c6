import CardDomain
import FuzzSupport
import ImageDecoding

/// libFuzzer target: the photo header reader, the D8 check and the whole-file decoders
/// over arbitrary bytes. Built normally, it replays files named on the command line
/// (the seed corpus and saved crashes), as the test suite does.
func fuzzOne(_ bytes: [UInt8]) {
    let header = ImageHeader.read(bytes)
    let requirement = PhotoRequirement(id: "cardPhoto", label: "制卡照片", minimumBytes: 0, maximumBytes: 1 << 24,
                                       exactSize: PixelSize(width: 358, height: 441))
    _ = requirement.check(fileSize: bytes.count, head: bytes)
    if let header, header.pixelCount <= 4_000_000 {
        _ = ImageDecoder.decode(bytes, maximumPixels: 4_000_000)
    }
}

#if FUZZING
/// libFuzzer's entry for one input (named only under libFuzzer, so that the test bundle,
/// which links every target, sees no duplicate symbol).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_cdecl("ImageFuzzer_main")
func fuzzMain(argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc: argc, argv: argv, fuzzerTestOneInput)
}
#else
/// Without libFuzzer: replay the inputs named on the command line.
@main struct Replay {
    static func main() { FuzzReplay.run(fuzzOne) }
}
#endif
