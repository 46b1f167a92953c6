#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target: a function over one input. `@main` on a conforming type makes the
/// executable. Under libFuzzer (`-D FUZZING`, built by scripts/fuzz) it hands the
/// function to libFuzzer's driver; built normally it replays the files it is given.
public protocol FuzzTarget {
    static func fuzz(_ bytes: [UInt8])
}

extension FuzzTarget {
    public static func main() {
        #if FUZZING
        fuzzBody = fuzz
        exit(runLibFuzzer())
        #else
        FuzzReplay.run(fuzz)
        #endif
    }
}

#if FUZZING
nonisolated(unsafe) var fuzzBody: ([UInt8]) -> Void = { _ in }

/// libFuzzer's entry for one input; defined only under libFuzzer, so that the test
/// bundle, which links every target, sees no such symbol.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzBody(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

func runLibFuzzer() -> Int32 {
    var count = CommandLine.argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzerTestOneInput)
}
#endif
