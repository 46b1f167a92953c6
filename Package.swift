// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sscard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sscard", targets: ["sscard"]),
        .executable(name: "sscard-bench", targets: ["sscard-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Pure domain core: no file, terminal or clock access.
        .target(
            name: "CardDomain",
            dependencies: [.product(name: "CryptoExtras", package: "swift-crypto"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The CRC32 instruction of x86-64 (SSE4.2), which Swift cannot reach, for the journal's CRC-32C.
        .target(name: "CCRC32C"),
        // The append-only journal: bytes and sequence numbers, not the domain.
        .target(
            name: "Journal",
            dependencies: ["CCRC32C", .product(name: "SystemPackage", package: "swift-system")]
        ),
        // Joins the domain to the journal: projections and their snapshots.
        .target(
            name: "CardStore",
            dependencies: ["Journal", "PostgresJournal", "CardDomain", "ImageDecoding", "UnitCertificates", "CLMDB", "CLMDBGuard", "CCrackLib", .product(name: "SystemPackage", package: "swift-system"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Pure Swift drawing into an in-memory cell grid; knows nothing of curses.
        .target(name: "TerminalUI"),
        // ncursesw, the wide-character build, through pkg-config.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The maintained image decoders from Debian, through pkg-config: whole-file checks of photos.
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .target(name: "ImageDecoding", dependencies: ["CTurboJPEG", "CPNG"]),
        // libqrencode from Debian: the login code drawn as a QR symbol to scan.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // cracklib from Debian: new passwords are checked against its dictionary of weak ones.
        .systemLibrary(name: "CCrackLib", providers: [.apt(["libcrack2-dev", "cracklib-runtime"])]),
        // libpq from Debian (libpq-dev): the journal on PostgreSQL. PostgreSQL's own client
        // reads pgpass, takes several hosts with target_session_attrs, verifies TLS, and
        // compiles nothing (postgres-nio would add swift-nio and a second BoringSSL to build).
        .systemLibrary(name: "CPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresJournal", dependencies: ["CPQ", "Journal", .product(name: "Crypto", package: "swift-crypto")]),
        // LMDB from Debian: the read models every process on the machine shares (derived data).
        .systemLibrary(name: "CLMDB", pkgConfig: "lmdb", providers: [.apt(["liblmdb-dev"])]),
        // LMDB's calls under a SIGBUS/SIGSEGV guard: a damaged index file is an error, not a crash.
        .target(name: "CLMDBGuard", dependencies: ["CLMDB"]),
        // OpenSSL 3's libcrypto (Debian libssl-dev) behind a small C shim: unit certificates,
        // encrypted PKCS#8 keys, and SM2 with SM3, which no Swift package here parses.
        .target(name: "CCertificateShim", linkerSettings: [.linkedLibrary("crypto")]),
        .target(name: "UnitCertificates", dependencies: ["CCertificateShim", .product(name: "X509", package: "swift-certificates"),
                                                         .product(name: "SwiftASN1", package: "swift-asn1"),
                                                         .product(name: "SystemPackage", package: "swift-system")]),
        // libharu from Debian (no pkg-config file): receipts as PDF for the print spooler.
        .systemLibrary(name: "CHaru", providers: [.apt(["libhpdf-dev"])]),
        .target(name: "ReceiptPrinting", dependencies: ["CHaru", "CardDomain", "TerminalUI", .product(name: "SystemPackage", package: "swift-system")]),
        // The only module that imports curses.
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        // Reference data and texts as files: policy is data, not code.
        .target(
            name: "CardResources",
            dependencies: ["CardDomain"],
            path: "Resources",
            exclude: ["README.md"],
            resources: [.copy("Data")]
        ),
        // The flows as data: steps, conditions, per channel.
        .target(name: "CardWizards", dependencies: ["CardDomain", "TerminalUI"]),
        // The terminal app: the session state machine, its screens and the accessible mode.
        .target(name: "CardApp", dependencies: ["CardDomain", "CardStore", "CardResources", "TerminalUI", "CardWizards", "ReceiptPrinting",
                                               "CQRencode", "UnitCertificates"]),
        .executableTarget(
            name: "sscard",
            dependencies: [
                "Journal", "PostgresJournal", "CardStore", "CardDomain", "CardResources", "CursesBackend", "CardApp", "TerminalUI", "UnitCertificates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "sscard-bench",
            dependencies: [
                "Journal", "PostgresJournal", "CardStore", "CardDomain", "CardResources", "TerminalUI", "CardApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The journal's file I/O with faults injected (EIO, ENOSPC, short writes), for the
        // fault tests of every module that writes through the journal.
        .target(
            name: "JournalTestSupport",
            dependencies: ["Journal", .product(name: "SystemPackage", package: "swift-system")],
            path: "Tests/JournalTestSupport"
        ),
        // Depends on sscard-bench so that its binary is built: the multi-process and
        // SIGKILL tests run it as real child processes.
        .testTarget(
            name: "JournalTests",
            dependencies: ["Journal", "JournalTestSupport", "sscard-bench", .product(name: "SystemPackage", package: "swift-system")]
        ),
        // Against a real PostgreSQL server the tests start themselves (PostgresTestCluster).
        .testTarget(name: "PostgresJournalTests", dependencies: ["PostgresJournal", "Journal", "JournalTestSupport"]),
        .testTarget(name: "CardStoreTests", dependencies: ["CardStore", "CardResources", "Journal", "JournalTestSupport", "TestImages", .product(name: "SystemPackage", package: "swift-system")]),
        // Uses the shipped reference files (CardResources) so rules are tested against real lists.
        .testTarget(name: "CardDomainTests", dependencies: ["CardDomain", "CardResources"]),
        .testTarget(name: "CardWizardsTests", dependencies: ["CardWizards", "CardDomain", "CardResources", "TerminalUI"]),
        .testTarget(name: "CardResourcesTests", dependencies: ["CardResources", "CardDomain"]),
        // Plain-text screen snapshots, shared by the screen tests of TerminalUI and CardApp.
        .target(name: "SnapshotSupport", path: "Tests/SnapshotSupport"),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "SnapshotSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "CardAppTests", dependencies: ["CardApp", "CardWizards", "SnapshotSupport", "TestImages", "CardStore", "CardResources", "CardDomain", "TerminalUI", "Journal",
                                                          "UnitCertificates", "CertificateTestSupport", "JournalTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend"]),
        // The openssl command line making keys and certificates as an outside CA would.
        .target(name: "CertificateTestSupport", dependencies: ["JournalTestSupport"], path: "Tests/CertificateTestSupport"),
        .testTarget(name: "UnitCertificatesTests", dependencies: ["UnitCertificates", "CardStore", "CertificateTestSupport",
                                                                 .product(name: "SystemPackage", package: "swift-system")]),
        // libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer); built normally
        // they replay their seed corpus and saved crashes, which SSCardCLITests does.
        .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport"),
        .executableTarget(name: "JournalFuzzer", dependencies: ["Journal", "FuzzSupport",
                                                                .product(name: "SystemPackage", package: "swift-system")],
                          path: "Tests/Fuzz/JournalFuzzer"),
        .executableTarget(name: "CSVFuzzer", dependencies: ["CardDomain", "CardResources", "FuzzSupport"], path: "Tests/Fuzz/CSVFuzzer"),
        .executableTarget(name: "JSONFuzzer", dependencies: ["CardStore", "FuzzSupport"], path: "Tests/Fuzz/JSONFuzzer"),
        .executableTarget(name: "IndexFuzzer", dependencies: ["CardStore", "FuzzSupport"], path: "Tests/Fuzz/IndexFuzzer"),
        .executableTarget(name: "ImageFuzzer", dependencies: ["CardDomain", "ImageDecoding", "FuzzSupport"], path: "Tests/Fuzz/ImageFuzzer"),
        // Real pictures encoded by libpng and libjpeg-turbo, for every test of photos.
        .target(name: "TestImages", dependencies: ["CTurboJPEG", "CPNG"], path: "Tests/TestImages"),
        .testTarget(name: "ReceiptPrintingTests", dependencies: ["ReceiptPrinting", "CardDomain", "SnapshotSupport",
                                                                  .product(name: "SystemPackage", package: "swift-system")]),
        .testTarget(name: "ImageDecodingTests", dependencies: ["ImageDecoding", "TestImages"]),
        .testTarget(name: "SSCardCLITests", dependencies: ["sscard", "CardStore", "CardResources", "SnapshotSupport", "CertificateTestSupport", "JournalTestSupport", "Journal", "JournalFuzzer", "CSVFuzzer", "ImageFuzzer", "JSONFuzzer", "IndexFuzzer", .product(name: "SystemPackage", package: "swift-system")]),
    ],
    swiftLanguageModes: [.v6]
)
