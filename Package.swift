// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "coopstat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coopstat", targets: ["coopstat"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "CoopDomain"),
        // The fixed result slots parallel workers fill (no dependencies).
        .target(name: "CoopParallel"),
        .target(name: "CoopIngest", dependencies: ["CoopDomain", "CoopTransform", "CoopParallel"]),
        .target(name: "CoopTransform", dependencies: ["CoopDomain"]),
        .target(name: "CoopXlsx", dependencies: ["CoopDomain", "CXlsxWriter"]),
        .target(name: "CoopExport", dependencies: ["CoopDomain", "CoopTransform", "CoopXlsx"]),
        .target(name: "CoopSample", dependencies: ["CoopDomain", "CoopIngest"]),
        .target(
            name: "CoopPipeline",
            dependencies: [
                "CoopDomain", "CoopIngest", "CoopTransform", "CoopExport", "CoopSample", "CoopParallel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Fault injection (COOPSTAT_FAULT, COOPSTAT_FAULT_DELAY_MS) exists in debug/test builds only.
            swiftSettings: [.define("COOPSTAT_FAULTS", .when(configuration: .debug))],
            // The git commit for --version; the reference tables bundled so the binary runs outside the checkout.
            plugins: ["BuildCommit", "ReferenceResources"]
        ),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .plugin(name: "ReferenceResources", capability: .buildTool()),
        .executableTarget(
            name: "coopstat",
            dependencies: [
                "CoopPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "CoopTestSupport",
            dependencies: ["CoopDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/CoopTestSupport"
        ),
        // The fuzz harnesses' checks (Tests/Fuzz/run.sh compiles them into the libFuzzer binaries).
        .target(
            name: "CoopFuzzing", dependencies: ["CoopDomain", "CoopIngest", "CoopTransform"], path: "Tests/CoopFuzzing"),
        .testTarget(name: "CoopDomainTests", dependencies: ["CoopDomain", "CoopTestSupport"]),
        .testTarget(name: "CoopParallelTests", dependencies: ["CoopParallel"]),
        .testTarget(
            name: "CoopIngestTests", dependencies: ["CoopIngest", "CoopDomain", "CoopTransform", "CoopTestSupport", "CoopFuzzing"]),
        .testTarget(name: "CoopTransformTests", dependencies: ["CoopTransform", "CoopDomain", "CoopTestSupport", "CoopFuzzing"]),
        .testTarget(
            name: "CoopExportTests", dependencies: ["CoopExport", "CoopXlsx", "CoopTransform", "CoopDomain", "CoopTestSupport"],
            exclude: ["Golden"]),
        .testTarget(name: "CoopXlsxTests", dependencies: ["CoopXlsx", "CoopTestSupport"]),
        .testTarget(name: "CoopSampleTests", dependencies: ["CoopSample", "CoopIngest", "CoopDomain"]),
        .testTarget(
            name: "CoopPipelineTests",
            dependencies: [
                "CoopPipeline", "CoopIngest", "CoopDomain", "CoopTestSupport",
                .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(name: "EndToEndTests", dependencies: ["CoopTestSupport", "CoopDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
